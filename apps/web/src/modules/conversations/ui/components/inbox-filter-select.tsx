"use client";

import { Select, SelectContent, SelectTrigger, SelectValue } from "@echo/ui/components/select";
import { cn } from "@echo/ui/lib/utils";
import type { ReactNode } from "react";

/** One of the inbox's compact filter selects: named by `label`, filling its grid cell. */
export function InboxFilterSelect({
  label,
  testId,
  value,
  onValueChange,
  className,
  display,
  children,
}: {
  label: string;
  testId: string;
  value: string;
  onValueChange: (value: string) => void;
  className?: string;
  /** What the closed select shows instead of the picked item's text. */
  display?: string;
  /** The `SelectItem`s. */
  children: ReactNode;
}) {
  return (
    <Select value={value} onValueChange={onValueChange}>
      <SelectTrigger
        size="sm"
        aria-label={label}
        className={cn("w-full min-w-0 overflow-hidden", className)}
        data-testid={testId}
      >
        <SelectValue>{display}</SelectValue>
      </SelectTrigger>
      <SelectContent>{children}</SelectContent>
    </Select>
  );
}
