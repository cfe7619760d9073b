export const CONVERSATION_STATUSES = ["unresolved", "escalated", "resolved"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export type StatusFilter = ConversationStatus | "all";

export type StatusAction = {
  to: ConversationStatus;
  labelKey: "resolve" | "escalate" | "reopen" | "handBack";
};

/** What an operator can do from each status; the backend accepts the same transitions. */
export function statusActions(status: ConversationStatus): StatusAction[] {
  switch (status) {
    case "unresolved":
      return [
        { to: "escalated", labelKey: "escalate" },
        { to: "resolved", labelKey: "resolve" },
      ];
    case "escalated":
      return [
        { to: "resolved", labelKey: "resolve" },
        { to: "unresolved", labelKey: "handBack" },
      ];
    case "resolved":
      return [{ to: "escalated", labelKey: "reopen" }];
  }
}

export function statusBadgeVariant(status: ConversationStatus) {
  return status === "escalated" ? "warning" : status === "resolved" ? "success" : "secondary";
}

/** Parses the `status` search parameter of the inbox; anything unknown means all. */
export function parseStatusFilter(value: string | null | undefined): StatusFilter {
  return CONVERSATION_STATUSES.includes(value as ConversationStatus)
    ? (value as ConversationStatus)
    : "all";
}
