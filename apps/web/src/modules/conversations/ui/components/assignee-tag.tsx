"use client";

import { useTranslations } from "next-intl";

import { describeAssignee, type Member } from "../../lib/assignees";

/** An inbox row's assignee by name ("Me" for the operator); nothing while unassigned or loading. */
export function AssigneeTag({
  assigneeId,
  members,
  currentUserId,
}: {
  assigneeId: string | undefined;
  members: Member[] | undefined;
  currentUserId: string | undefined;
}) {
  const t = useTranslations("conversations.assignee");
  if (!assigneeId || !members || !currentUserId) return null;
  const assignee = describeAssignee(assigneeId, members, currentUserId);
  if (assignee.kind === "unassigned") return null;
  const name =
    assignee.kind === "member" ? assignee.name : assignee.kind === "me" ? t("me") : t("unlisted");
  return (
    <span
      className="ml-auto max-w-28 shrink-0 truncate text-xs text-muted-foreground"
      data-testid="row-assignee"
    >
      <span className="sr-only">{t("assignedTo")} </span>
      {name}
    </span>
  );
}
