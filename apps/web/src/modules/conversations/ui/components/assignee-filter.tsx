"use client";

import { api } from "@echo/backend/convex/_generated/api";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId } from "react";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { parseAssigneeFilter } from "../../lib/assignee-filter";
import { memberValue, otherMembers, UNASSIGNED } from "../../lib/assignees";

/** Narrows the inbox to everyone's, the operator's own, unassigned, or one member's conversations. */
export function AssigneeFilter() {
  const t = useTranslations("conversations.assigneeFilter");
  const labelId = useId();
  const { assignee, update } = useInboxFilters();
  const members = useQuery(api.private.members.list);
  const organization = useQuery(api.private.organization.current);
  const others = members && organization ? otherMembers(members, organization.userId) : [];
  // A chosen member outside the options (the operator by id, or someone who left) still shows.
  const extra =
    assignee.startsWith("user:") && !others.some((m) => memberValue(m.userId) === assignee)
      ? (members?.find((m) => memberValue(m.userId) === assignee)?.name ?? t("unlisted"))
      : null;
  return (
    <div className="flex items-center gap-2">
      <span id={labelId} className="text-xs text-muted-foreground">
        {t("label")}
      </span>
      <Select
        value={assignee}
        onValueChange={(value) => update({ assignee: parseAssigneeFilter(value) })}
      >
        <SelectTrigger size="sm" aria-labelledby={labelId} className="min-w-0 flex-1">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="all">{t("all")}</SelectItem>
          <SelectItem value="me">{t("me")}</SelectItem>
          <SelectItem value={UNASSIGNED}>{t("unassigned")}</SelectItem>
          {extra ? (
            <SelectItem value={assignee} disabled>
              {extra}
            </SelectItem>
          ) : null}
          {others.length > 0 ? <SelectSeparator /> : null}
          {others.map((member) => (
            <SelectItem key={member.userId} value={memberValue(member.userId)}>
              {member.name}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
    </div>
  );
}
