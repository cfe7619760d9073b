import { v } from "convex/values";

import { internal } from "../_generated/api";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { operatorMutation, operatorQuery } from "../lib/functions";
import type { Operator } from "../lib/identity";
import {
  recordMentions,
  removeMentions,
  requireMembers,
  updateMentions,
} from "../lib/notes/mentions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { MAX_MESSAGE_CHARS } from "../lib/validators";

const NOTES_PER_CONVERSATION = 500;
const RECENT_MENTIONS = 20;

/** Its author and the organization's admins may change or delete a note. */
const canChange = (operator: Operator, note: Doc<"conversationNotes">) =>
  note.authorId === operator.userId || operator.role !== "member";

/** A note of the caller's organization that the caller may change; anyone else's reads as missing. */
async function requireChangeableNote(
  ctx: Pick<QueryCtx, "db">,
  operator: Operator,
  noteId: Id<"conversationNotes">,
): Promise<Doc<"conversationNotes">> {
  const note = await ctx.db.get(noteId);
  if (!note || note.organizationId !== operator.orgId) fail("NOT_FOUND", "Note not found");
  if (!canChange(operator, note))
    fail("UNAUTHORIZED", "Only the note's author or an admin can change it");
  return note;
}

function checkedText(draft: string): string {
  const text = draft.trim();
  if (!text || text.length > MAX_MESSAGE_CHARS) fail("INVALID_INPUT", "Note is empty or too long");
  return text;
}

/**
 * A conversation's private notes, oldest first, each saying whether the caller may change it;
 * the dashboard interleaves them with the thread.
 */
export const list = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    await requireOrgConversation(ctx, operator, conversationId);
    const notes = await ctx.db
      .query("conversationNotes")
      .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
      .take(NOTES_PER_CONVERSATION);
    return notes.map((note) => ({ ...note, canChange: canChange(operator, note) }));
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
    const text = checkedText(draft);
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
      await ctx.scheduler.runAfter(0, internal.system.email.mentions.notify, {
        noteId,
        userIds: mentions,
      });
    await recordAudit(ctx, operator, "conversation.note", conversationId);
    return noteId;
  },
});

/**
 * The author or an admin rewrites a note; it shows as edited. Only members the new text names
 * for the first time are notified; those it no longer names lose the mention.
 */
export const edit = operatorMutation({
  args: {
    noteId: v.id("conversationNotes"),
    text: v.string(),
    mentions: v.array(v.string()),
  },
  handler: async (ctx, { noteId, text: draft, mentions: named }) => {
    const { operator } = ctx;
    const note = await requireChangeableNote(ctx, operator, noteId);
    const text = checkedText(draft);
    const mentions = await requireMembers(ctx, operator.orgId, named);
    const newlyMentioned = await updateMentions(ctx, note, mentions);
    await ctx.db.patch(noteId, { text, mentions, editedAt: Date.now() });
    if (newlyMentioned.length > 0)
      await ctx.scheduler.runAfter(0, internal.system.email.mentions.notify, {
        noteId,
        userIds: newlyMentioned,
      });
    await recordAudit(ctx, operator, "conversation.note.edit", note.conversationId);
    return null;
  },
});

export const remove = operatorMutation({
  args: { noteId: v.id("conversationNotes") },
  handler: async (ctx, { noteId }) => {
    const { operator } = ctx;
    const note = await requireChangeableNote(ctx, operator, noteId);
    await removeMentions(ctx, noteId);
    await ctx.db.delete(noteId);
    await recordAudit(ctx, operator, "conversation.note.delete", note.conversationId);
    return null;
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
