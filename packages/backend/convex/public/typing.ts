import { v } from "convex/values";

import { requireContactConversation } from "../lib/contactSessions";
import { contactMutation, contactQuery } from "../lib/functions";
import {
  clearTyping,
  markTyping,
  typingPreviewEnabled,
  typingStatesOf,
} from "../lib/presence/typing";

/** The visitor is typing; the draft goes along only where the organization shows previews. */
export const set = contactMutation({
  args: { conversationId: v.id("conversations"), draft: v.optional(v.string()) },
  handler: async (ctx, { conversationId, draft }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    if (conversation.status === "resolved") return;
    const preview =
      draft && (await typingPreviewEnabled(ctx, conversation.organizationId)) ? draft : undefined;
    await markTyping(ctx, conversation, { typist: "contact", preview });
  },
});

export const clear = contactMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    await clearTyping(ctx, conversation._id, "contact");
  },
});

/** The operators typing a reply to the visitor now, by first name only. */
export const operators = contactQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    const rows = await typingStatesOf(ctx, conversation._id, "operator");
    return rows.map((row) => ({ name: row.name?.split(/\s+/)[0] ?? null }));
  },
});
