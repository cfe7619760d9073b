import { v } from "convex/values";

import { requireContactConversation } from "../lib/contactSessions";
import { rateConversation, ratingOf } from "../lib/csat/ratings";
import { contactMutation, contactQuery } from "../lib/functions";

/** The visitor's own rating of a conversation, so the widget asks only once, on any device. */
export const get = contactQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    const rating = await ratingOf(ctx, conversation._id);
    return rating ? { rating: rating.rating } : null;
  },
});

export const submit = contactMutation({
  args: {
    conversationId: v.id("conversations"),
    rating: v.number(),
    comment: v.optional(v.string()),
  },
  handler: async (ctx, { conversationId, rating, comment }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    await rateConversation(ctx, conversation, { rating, comment });
  },
});
