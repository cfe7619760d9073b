/** A conversation as `private.notifications.attention` describes it. */
export type AttentionConversation = {
  _id: string;
  contactName: string;
  escalatedAt: number | null;
  lastMessageAt: number;
  lastMessage: { text: string; author: "contact" | "agent" | "operator" } | null;
};

export type AttentionSnapshot = {
  escalated: AttentionConversation[];
  assigned: AttentionConversation[];
};

export type AttentionEvent =
  | { kind: "escalation"; conversation: AttentionConversation }
  | { kind: "assignedMessage"; conversation: AttentionConversation };

/**
 * What happened between two snapshots: conversations newly escalated, and visitor messages in
 * conversations assigned to me. The first snapshot is the baseline, so nothing already there on
 * load is announced.
 */
export function attentionEvents(
  previous: AttentionSnapshot | null,
  next: AttentionSnapshot,
): AttentionEvent[] {
  if (!previous) return [];
  const events: AttentionEvent[] = [];
  const known = new Map(previous.escalated.map((c) => [c._id, c.escalatedAt]));
  for (const conversation of next.escalated) {
    if (!known.has(conversation._id) || known.get(conversation._id) !== conversation.escalatedAt)
      events.push({ kind: "escalation", conversation });
  }
  const seen = new Map(previous.assigned.map((c) => [c._id, c.lastMessageAt]));
  for (const conversation of next.assigned) {
    if (conversation.lastMessage?.author !== "contact") continue;
    const before = seen.get(conversation._id);
    // Newly assigned to me is not a new message; a later visitor message is.
    if (before !== undefined && conversation.lastMessageAt > before)
      events.push({ kind: "assignedMessage", conversation });
  }
  return events;
}

/** The page's title with the unread count in front, as "(3) Inbox"; none when nothing is unread. */
export function titleWithUnread(title: string, unread: number): string {
  const bare = title.replace(/^\(\d+\+?\) /, "");
  if (unread <= 0) return bare;
  return `(${unread > 99 ? "99+" : unread}) ${bare}`;
}
