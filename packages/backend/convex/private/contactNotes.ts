import { v } from "convex/values";

import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { requireOrgContact } from "../lib/contacts/records";
import { fail } from "../lib/errors";
import { operatorMutation, operatorQuery } from "../lib/functions";
import type { Operator } from "../lib/identity";

const MAX_BODY = 5000;
/** A contact's notes shown, newest first. */
const MAX_NOTES = 200;

function checkedBody(body: string): string {
  const text = body.trim();
  if (!text) fail("INVALID_INPUT", "A note needs some text");
  if (text.length > MAX_BODY) fail("INVALID_INPUT", `A note can be at most ${MAX_BODY} characters`);
  return text;
}

/** A note of the caller's organization written by the caller; anyone else's reads as missing. */
async function requireOwnNote(
  ctx: Pick<QueryCtx, "db">,
  operator: Operator,
  noteId: Id<"contactNotes">,
): Promise<Doc<"contactNotes">> {
  const note = await ctx.db.get(noteId);
  if (!note || note.organizationId !== operator.orgId) fail("NOT_FOUND", "Note not found");
  if (note.authorId !== operator.userId)
    fail("UNAUTHORIZED", "Only the note's author can change it");
  return note;
}

/** The contact's notes, newest first, each saying whether the caller wrote it. */
export const list = operatorQuery({
  args: { contactId: v.id("contacts") },
  handler: async (ctx, { contactId }) => {
    const { orgId, userId } = ctx.operator;
    await requireOrgContact(ctx, orgId, contactId);
    const notes = await ctx.db
      .query("contactNotes")
      .withIndex("by_contact", (q) => q.eq("contactId", contactId))
      .order("desc")
      .take(MAX_NOTES);
    return notes
      .filter((note) => note.organizationId === orgId)
      .map(({ _id, _creationTime, authorName, body, editedAt, authorId }) => ({
        _id,
        _creationTime,
        authorName,
        body,
        editedAt: editedAt ?? null,
        own: authorId === userId,
      }));
  },
});

export const add = operatorMutation({
  args: { contactId: v.id("contacts"), body: v.string() },
  handler: async (ctx, { contactId, body }) => {
    const { operator } = ctx;
    await requireOrgContact(ctx, operator.orgId, contactId);
    return await ctx.db.insert("contactNotes", {
      organizationId: operator.orgId,
      contactId,
      authorId: operator.userId,
      authorName: operator.name ?? operator.email ?? operator.userId,
      body: checkedBody(body),
    });
  },
});

export const edit = operatorMutation({
  args: { noteId: v.id("contactNotes"), body: v.string() },
  handler: async (ctx, { noteId, body }) => {
    await requireOwnNote(ctx, ctx.operator, noteId);
    await ctx.db.patch(noteId, { body: checkedBody(body), editedAt: Date.now() });
    return null;
  },
});

export const remove = operatorMutation({
  args: { noteId: v.id("contactNotes") },
  handler: async (ctx, { noteId }) => {
    await requireOwnNote(ctx, ctx.operator, noteId);
    await ctx.db.delete(noteId);
    return null;
  },
});
