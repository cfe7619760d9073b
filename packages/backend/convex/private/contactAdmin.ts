import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { setSessionConversationsContact } from "../lib/contacts/conversationContact";
import { sessionsOfContact } from "../lib/contacts/conversations";
import { deleteContactRecord, patchContact, requireOrgContact } from "../lib/contacts/records";
import { fail } from "../lib/errors";
import { adminMutation } from "../lib/functions";
import { deleteConversation } from "../lib/retention";

/**
 * Two records of one customer become one: the kept contact gains the other's emails, phones,
 * tags, the custom fields it lacks, and its visitors (so its conversations); the other goes.
 */
export const merge = adminMutation({
  args: { contactId: v.id("contacts"), duplicateId: v.id("contacts") },
  handler: async (ctx, { contactId, duplicateId }) => {
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
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    await patchContact(ctx, kept, {
      emails: union(kept.emails, duplicate.emails),
      phones: union(kept.phones, duplicate.phones),
      tags: union(kept.tags, duplicate.tags),
      customFields: { ...duplicate.customFields, ...kept.customFields },
      stage: kept.stage ?? duplicate.stage,
      company: kept.company ?? duplicate.company,
      avatarUrl: kept.avatarUrl ?? duplicate.avatarUrl,
      language: kept.language ?? duplicate.language,
      location: kept.location ?? duplicate.location,
      externalUserId: kept.externalUserId ?? duplicate.externalUserId,
      identityEmail: kept.identityEmail ?? duplicate.identityEmail,
      firstSeenAt: Math.min(kept.firstSeenAt, duplicate.firstSeenAt),
      lastSeenAt: Math.max(kept.lastSeenAt, duplicate.lastSeenAt),
    });
    await recordAudit(ctx, ctx.operator, "contact.merge", contactId, {
      mergedContactId: duplicateId,
      mergedName: duplicate.name,
      sessionsMoved: sessions.length,
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
    await recordAudit(ctx, ctx.operator, "contact.delete", contactId, {
      conversations,
    });
    return null;
  },
});
