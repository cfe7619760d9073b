"use client";

import { PRIORITIES, type Priority } from "@echo/backend/convex/lib/triage/validators";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { useTranslations } from "next-intl";

import { PriorityIcon } from "./priority-icon";

/** The conversation's priority, none to urgent. */
export function PrioritySelect({
  value,
  onChange,
}: {
  value: Priority;
  onChange: (priority: Priority) => void;
}) {
  const t = useTranslations("triage.priority");
  return (
    <Select value={value} onValueChange={(next) => onChange(next as Priority)}>
      <SelectTrigger size="sm" aria-label={t("label")} data-testid="priority-select">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {PRIORITIES.map((priority) => (
          <SelectItem key={priority} value={priority}>
            <span className="flex items-center gap-1.5">
              <PriorityIcon priority={priority} />
              {t(`levels.${priority}`)}
            </span>
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
