import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";

/** The timeline shows at most this many conversations per contact, newest activity first. */
export const MAX_TIMELINE = 100;

export async function sessionsOfContact(ctx: Pick<QueryCtx, "db">, contact: Doc<"contacts">) {
  const sessions = await ctx.db
    .query("contactSessions")
    .withIndex("by_contact", (q) => q.eq("contactId", contact._id))
    .collect();
  return sessions.filter((session) => session.organizationId === contact.organizationId);
}

/** Every conversation of a contact across its sessions (every channel), newest activity first. */
export async function conversationsOfContact(
  ctx: Pick<QueryCtx, "db">,
  contact: Doc<"contacts">,
  limit = MAX_TIMELINE,
): Promise<Doc<"conversations">[]> {
  const all: Doc<"conversations">[] = [];
  for (const session of await sessionsOfContact(ctx, contact)) {
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_contactSession_and_lastMessageAt", (q) =>
        q.eq("contactSessionId", session._id as Id<"contactSessions">),
      )
      .order("desc")
      .take(limit);
    all.push(...conversations.filter((c) => c.organizationId === contact.organizationId));
  }
  return all.sort((a, b) => b.lastMessageAt - a.lastMessageAt).slice(0, limit);
}

/** A conversation as the contact timeline lists it (never its session: a visitor credential). */
export function timelineEntry(conversation: Doc<"conversations">) {
  return {
    _id: conversation._id,
    _creationTime: conversation._creationTime,
    status: conversation.status,
    channel: conversation.channel,
    lastMessageAt: conversation.lastMessageAt,
    lastMessage: conversation.lastMessage?.text ?? null,
  };
}
