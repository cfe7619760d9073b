import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { setSessionConversationsContact } from "../lib/contacts/conversationContact";
import { sessionsOfContact } from "../lib/contacts/conversations";
import { mergedFields } from "../lib/contacts/merge";
import { forgetMerges, recordMerge } from "../lib/contacts/mergeRecords";
import { deleteContactRecord, patchContact, requireOrgContact } from "../lib/contacts/records";
import { fail } from "../lib/errors";
import { adminMutation } from "../lib/functions";
import { deleteConversation } from "../lib/retention";

/**
 * Two records of one customer become one: the kept contact gains the other's emails, phones,
 * tags, the fields it lacks (or those named in `useDuplicate`, lib/contacts/merge.ts), its notes
 * and its visitors (so its conversations); the other goes, and its page leads to the kept one.
 */
export const merge = adminMutation({
  args: {
    contactId: v.id("contacts"),
    duplicateId: v.id("contacts"),
    useDuplicate: v.optional(v.array(v.string())),
  },
  handler: async (ctx, { contactId, duplicateId, useDuplicate = [] }) => {
    const { orgId } = ctx.operator;
    if (contactId === duplicateId) fail("INVALID_INPUT", "A contact cannot merge with itself");
    const kept = await requireOrgContact(ctx, orgId, contactId);
    const duplicate = await requireOrgContact(ctx, orgId, duplicateId);
    const sessions = await sessionsOfContact(ctx, duplicate);
    const notes = await ctx.db
      .query("contactNotes")
      .withIndex("by_contact", (q) => q.eq("contactId", duplicateId))
      .collect();
    for (const note of notes) await ctx.db.patch(note._id, { contactId });
    await deleteContactRecord(ctx, duplicate);
    for (const session of sessions) {
      await ctx.db.patch(session._id, { contactId });
      await setSessionConversationsContact(ctx, session._id, contactId);
    }
    await patchContact(ctx, kept, mergedFields(kept, duplicate, useDuplicate));
    await recordMerge(ctx, orgId, duplicateId, contactId);
    await recordAudit(ctx, ctx.operator, "contact.merge", contactId, {
      mergedContactId: duplicateId,
      mergedName: duplicate.name,
      sessionsMoved: sessions.length,
      usedFromMerged: useDuplicate.join(","),
    });
    return null;
  },
});

/**
 * A privacy erasure: the contact, every conversation of theirs (with its thread) and their
 * visitor sessions go. The audit log keeps only that it happened.
 */
export const remove = adminMutation({
  args: { contactId: v.id("contacts") },
  handler: async (ctx, { contactId }) => {
    const contact = await requireOrgContact(ctx, ctx.operator.orgId, contactId);
    let conversations = 0;
    for (const session of await sessionsOfContact(ctx, contact)) {
      const own = await ctx.db
        .query("conversations")
        .withIndex("by_contactSession_and_lastMessageAt", (q) =>
          q.eq("contactSessionId", session._id),
        )
        .collect();
      for (const conversation of own) await deleteConversation(ctx, conversation);
      conversations += own.length;
      const tokens = await ctx.db
        .query("unreadTokens")
        .withIndex("by_contactSession", (q) => q.eq("contactSessionId", session._id))
        .collect();
      for (const token of tokens) await ctx.db.delete(token._id);
      await ctx.db.delete(session._id);
    }
    await deleteContactRecord(ctx, contact);
    await forgetMerges(ctx, contactId);
    await recordAudit(ctx, ctx.operator, "contact.delete", contactId, {
      conversations,
    });
    return null;
  },
});
