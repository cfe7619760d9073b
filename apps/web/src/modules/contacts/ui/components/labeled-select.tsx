"use client";

import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { cn } from "@echo/ui/lib/utils";
import { useId } from "react";

/** A small select with its visible label, for the contacts filters and form. */
export function LabeledSelect({
  label,
  value,
  options,
  onChange,
  display,
  className,
}: {
  label: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string) => void;
  /** What the closed select shows instead of the picked option's label. */
  display?: string;
  className?: string;
}) {
  const labelId = useId();
  return (
    <div className={cn("grid gap-1", className)}>
      <span id={labelId} className="text-xs text-muted-foreground">
        {label}
      </span>
      <Select value={value} onValueChange={onChange}>
        <SelectTrigger
          size="sm"
          aria-labelledby={labelId}
          className="w-full min-w-0 overflow-hidden"
        >
          <SelectValue>{display}</SelectValue>
        </SelectTrigger>
        <SelectContent>
          {options.map((option) => (
            <SelectItem key={option.value} value={option.value}>
              {option.label}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
