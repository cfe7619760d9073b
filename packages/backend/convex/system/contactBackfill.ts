import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";

const BATCH = 100;

/**
 * The upgrade migration for `conversations.contactId`: a conversation from before the field gets
 * its session's contact. Idempotent (only conversations without a contact are read, and one whose
 * visitor has none is left as it is), so the seed runs it at every start; a batch at a time,
 * rescheduling itself until none is left. Returns how many it filled in this batch.
 */
export const conversationContacts = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  handler: async (ctx, { cursor }) => {
    const page = await ctx.db
      .query("conversations")
      .withIndex("by_contact_and_lastMessageAt", (q) => q.eq("contactId", undefined))
      .paginate({ numItems: BATCH, cursor: cursor ?? null });
    let filled = 0;
    for (const conversation of page.page) {
      const session = await ctx.db.get(conversation.contactSessionId);
      if (!session?.contactId || session.organizationId !== conversation.organizationId) continue;
      await ctx.db.patch(conversation._id, { contactId: session.contactId });
      filled++;
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.system.contactBackfill.conversationContacts, {
        cursor: page.continueCursor,
      });
    }
    return filled;
  },
});
