import { v } from "convex/values";

import { contactMutation, publicQuery } from "../lib/functions";

/** Replies the launcher counts: the newest conversations' unread counts, like the widget's own badge. */
const COUNTED_CONVERSATIONS = 20;

/**
 * The visitor's unread token: the loader keeps it in the host page's storage and asks for the
 * launcher's count with it, so the contact session itself never leaves the widget's frame.
 */
export const issue = contactMutation({
  args: {},
  handler: async (ctx) => {
    const { session } = ctx;
    const existing = await ctx.db
      .query("unreadTokens")
      .withIndex("by_contactSession", (q) => q.eq("contactSessionId", session._id))
      .first();
    if (existing) return existing.token;
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    const token = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    await ctx.db.insert("unreadTokens", {
      organizationId: session.organizationId,
      contactSessionId: session._id,
      token,
    });
    return token;
  },
});

/** Unread replies behind a token; 0 for an unknown token, another organization's, or a purged session. */
export const count = publicQuery({
  args: { organizationId: v.string(), token: v.string() },
  handler: async (ctx, { organizationId, token }) => {
    const row = await ctx.db
      .query("unreadTokens")
      .withIndex("by_token", (q) => q.eq("token", token))
      .unique();
    if (!row || row.organizationId !== organizationId) return 0;
    const session = await ctx.db.get(row.contactSessionId);
    if (!session) return 0;
    const recent = await ctx.db
      .query("conversations")
      .withIndex("by_contactSession_and_lastMessageAt", (q) =>
        q.eq("contactSessionId", session._id),
      )
      .order("desc")
      .take(COUNTED_CONVERSATIONS);
    return recent.reduce((sum, conversation) => sum + conversation.unreadByContact, 0);
  },
});
