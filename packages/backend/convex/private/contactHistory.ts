import { listUIMessages } from "@convex-dev/agent";
import { v } from "convex/values";

import { components } from "../_generated/api";
import { recordAudit } from "../lib/audit";
import { setSessionConversationsContact } from "../lib/contacts/conversationContact";
import { conversationsOfContact, timelineEntry } from "../lib/contacts/conversations";
import { contactsToCsv } from "../lib/contacts/csv";
import { fieldDefinitions } from "../lib/contacts/input";
import { requireOrgContact } from "../lib/contacts/records";
import { readSelection, segmentOf, vSelectionArgs } from "../lib/contacts/contactSelection";
import { contactView } from "../lib/contacts/view";
import { operatorMutation, operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";

/** Messages per conversation in a contact's data export. */
const EXPORT_MESSAGES = 500;

/** The timeline of a contact's conversations on every channel. */
export const conversations = operatorQuery({
  args: { contactId: v.id("contacts") },
  handler: async (ctx, { contactId }) => {
    const contact = await requireOrgContact(ctx, ctx.operator.orgId, contactId);
    return (await conversationsOfContact(ctx, contact)).map(timelineEntry);
  },
});

/** The contact behind a conversation, for the conversation view's panel; null when unlinked. */
export const forConversation = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { orgId } = ctx.operator;
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    // Before the backfill reaches it, a conversation's contact is still its session's.
    const contactId =
      conversation.contactId ?? (await ctx.db.get(conversation.contactSessionId))?.contactId;
    if (!contactId) return null;
    const contact = await ctx.db.get(contactId);
    return contact && contact.organizationId === orgId ? contactView(contact) : null;
  },
});

/** A wrong email match undone: the visitor behind the conversation leaves the contact for good. */
export const unlinkConversation = operatorMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    const session = await ctx.db.get(conversation.contactSessionId);
    if (!session?.contactId) return null;
    await ctx.db.patch(session._id, { contactId: undefined, contactUnlinked: true });
    await setSessionConversationsContact(ctx, session._id, undefined);
    await recordAudit(ctx, ctx.operator, "contact.unlink", session.contactId, {
      conversationId,
    });
    return null;
  },
});

/** Everything the organization keeps about one contact, as a privacy request asks for it. */
export const exportData = operatorQuery({
  args: { contactId: v.id("contacts") },
  handler: async (ctx, { contactId }) => {
    const contact = await requireOrgContact(ctx, ctx.operator.orgId, contactId);
    const conversations = [];
    for (const conversation of await conversationsOfContact(ctx, contact)) {
      const { page } = await listUIMessages(ctx, components.agent, {
        threadId: conversation.threadId,
        paginationOpts: { numItems: EXPORT_MESSAGES, cursor: null },
      });
      conversations.push({
        ...timelineEntry(conversation),
        messages: [...page]
          .sort((x, y) => x._creationTime - y._creationTime)
          .map((message) => ({
            role: message.role,
            text: message.text,
            at: message._creationTime,
          })),
      });
    }
    return { exportedAt: Date.now(), contact: contactView(contact), conversations };
  },
});

/** A segment (the list's filters, or a saved segment's) as CSV, up to this many contacts. */
const MAX_CSV_CONTACTS = 5000;

export const exportCsv = operatorQuery({
  args: vSelectionArgs,
  handler: async (ctx, args) => {
    const { orgId } = ctx.operator;
    const { page } = await readSelection(ctx, orgId, segmentOf(args), "lastSeen", "desc", {
      take: MAX_CSV_CONTACTS,
    });
    const fields = (await fieldDefinitions(ctx, orgId)).map((field) => field.key);
    return contactsToCsv(page, fields);
  },
});
