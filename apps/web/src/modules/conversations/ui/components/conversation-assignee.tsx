"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { AssigneePicker } from "./assignee-picker";

/** The conversation's assignee picker, fed with the organization's members. */
export function ConversationAssignee({
  conversationId,
  assigneeId,
}: {
  conversationId: Id<"conversations">;
  assigneeId: string | null;
}) {
  const t = useTranslations("conversations.assignee");
  const members = useQuery(api.private.members.list);
  const organization = useQuery(api.private.organization.current);
  const assign = useMutation(api.private.conversations.assign);
  if (members === undefined || organization === undefined) {
    return <div className="h-8 w-40 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  }
  return (
    <AssigneePicker
      members={members}
      currentUserId={organization.userId}
      assigneeId={assigneeId}
      onAssign={(next) => assign({ conversationId, assigneeId: next })}
    />
  );
}
