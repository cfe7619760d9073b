"use client";

import { errorCodeOf } from "@echo/backend/convex/lib/errors";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import {
  assigneeOfValue,
  describeAssignee,
  type Member,
  memberValue,
  otherMembers,
  UNASSIGNED,
} from "../../lib/assignees";

type Props = {
  members: Member[];
  currentUserId: string;
  assigneeId: string | null;
  /** Rejects with the backend's error when the assignment is refused. */
  onAssign: (assigneeId: string | null) => Promise<unknown>;
};

/** Chooses who works a conversation: nobody, the operator, or another member of the organization. */
export function AssigneePicker({ members, currentUserId, assigneeId, onAssign }: Props) {
  const t = useTranslations("conversations.assignee");
  const errorMessage = useErrorMessage();
  const labelId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = describeAssignee(assigneeId, members, currentUserId);
  const others = otherMembers(members, currentUserId);
  const value = assigneeId ? memberValue(assigneeId) : UNASSIGNED;

  async function choose(next: string) {
    if (next === value) return;
    setError(null);
    setPending(true);
    try {
      await onAssign(assigneeOfValue(next));
    } catch (failure) {
      // The backend answers NOT_FOUND when the chosen person left the organization meanwhile.
      setError(errorCodeOf(failure) === "NOT_FOUND" ? t("notMember") : errorMessage(failure));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2">
        <span id={labelId} className="text-sm text-muted-foreground">
          {t("label")}
        </span>
        <Select value={value} onValueChange={choose} disabled={pending}>
          <SelectTrigger size="sm" aria-labelledby={labelId} data-testid="assignee">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={UNASSIGNED}>{t("unassigned")}</SelectItem>
            <SelectItem value={memberValue(currentUserId)}>{t("me")}</SelectItem>
            {current.kind === "unlisted" && assigneeId ? (
              <SelectItem value={memberValue(assigneeId)} disabled>
                {t("unlisted")}
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
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
