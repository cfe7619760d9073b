import { v } from "convex/values";

import { internal } from "../_generated/api";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { operatorMutation, operatorQuery } from "../lib/functions";
import { recordMentions, requireMembers } from "../lib/notes/mentions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { MAX_MESSAGE_CHARS } from "../lib/validators";

const NOTES_PER_CONVERSATION = 500;
const RECENT_MENTIONS = 20;

/** A conversation's private notes, oldest first; the dashboard interleaves them with the thread. */
export const list = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    await requireOrgConversation(ctx, ctx.operator, conversationId);
    return await ctx.db
      .query("conversationNotes")
      .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
      .take(NOTES_PER_CONVERSATION);
  },
});

/**
 * A note for teammates: stored beside the conversation, never in its thread, so the visitor and
 * the agent never read it. Members named in `mentions` are notified in the dashboard and, if they
 * chose it, by email.
 */
export const add = operatorMutation({
  args: {
    conversationId: v.id("conversations"),
    text: v.string(),
    mentions: v.array(v.string()),
  },
  handler: async (ctx, { conversationId, text: draft, mentions: named }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    const text = draft.trim();
    if (!text || text.length > MAX_MESSAGE_CHARS)
      fail("INVALID_INPUT", "Note is empty or too long");
    const mentions = await requireMembers(ctx, operator.orgId, named);
    const noteId = await ctx.db.insert("conversationNotes", {
      organizationId: operator.orgId,
      conversationId,
      authorId: operator.userId,
      authorName: operator.name ?? operator.email ?? "Operator",
      text,
      mentions,
    });
    await recordMentions(ctx, {
      organizationId: operator.orgId,
      noteId,
      conversationId: conversation._id,
      authorId: operator.userId,
      mentions,
    });
    if (mentions.some((userId) => userId !== operator.userId))
      await ctx.scheduler.runAfter(0, internal.system.email.mentions.notify, { noteId });
    await recordAudit(ctx, operator, "conversation.note", conversationId);
    return noteId;
  },
});

/** The newest notes that mention the signed-in member, for the dashboard's notifications. */
export const mentions = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId, userId } = ctx.operator;
    const rows = await ctx.db
      .query("noteMentions")
      .withIndex("by_organization_and_user", (q) =>
        q.eq("organizationId", orgId).eq("userId", userId),
      )
      .order("desc")
      .take(RECENT_MENTIONS);
    const described = await Promise.all(
      rows.map(async (row) => {
        const note = await ctx.db.get(row.noteId);
        const conversation = await ctx.db.get(row.conversationId);
        if (!note || !conversation) return null;
        return {
          _id: row._id,
          _creationTime: row._creationTime,
          conversationId: row.conversationId,
          contactName: conversation.contactName,
          authorName: note.authorName,
          text: note.text,
        };
      }),
    );
    return described.filter((mention) => mention !== null);
  },
});
