import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

/**
 * A visitor's conversations follow the contact their session joins or leaves, so the inbox can
 * filter them by the contact's tags and stage from an index.
 */
export async function setSessionConversationsContact(
  ctx: Pick<MutationCtx, "db">,
  contactSessionId: Id<"contactSessions">,
  contactId: Id<"contacts"> | undefined,
): Promise<number> {
  const conversations = await ctx.db
    .query("conversations")
    .withIndex("by_contactSession_and_lastMessageAt", (q) =>
      q.eq("contactSessionId", contactSessionId),
    )
    .collect();
  for (const conversation of conversations) {
    if (conversation.contactId !== contactId) await ctx.db.patch(conversation._id, { contactId });
  }
  return conversations.length;
}
