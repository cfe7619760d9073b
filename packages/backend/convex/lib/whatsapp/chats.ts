import { createThread } from "@convex-dev/agent";

import { components } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { touchContact } from "../contacts/linkSession";
import { phoneSearchWords } from "../phoneSearch";
import { findContactBy, insertContact } from "../contacts/records";

/**
 * A WhatsApp customer is a contact (found by E.164 phone) plus one contact session that only
 * anchors their conversations, as a voice caller's does: it is created expired, so it is never a
 * widget capability, and each message moves its expiry to now so the hourly purge (a week past
 * expiry) only takes it once the customer has been quiet that long. Every inbox, contact-timeline
 * and analytics query then reads WhatsApp conversations exactly as it reads the widget's.
 */
export async function chatFor(
  ctx: MutationCtx,
  connection: Doc<"whatsappConnections">,
  phone: string,
  pushName: string | undefined,
): Promise<{ chat: Doc<"whatsappChats">; session: Doc<"contactSessions"> }> {
  const now = Date.now();
  const { organizationId } = connection;
  const existing = await ctx.db
    .query("whatsappChats")
    .withIndex("by_connection_and_phone", (q) =>
      q.eq("connectionId", connection._id).eq("phone", phone),
    )
    .unique();
  const contactId =
    (existing && (await ctx.db.get(existing.contactId))?._id) ??
    (await findContactBy(ctx, organizationId, "phone", phone)) ??
    (await insertContact(ctx, organizationId, {
      name: pushName?.trim() || phone,
      emails: [],
      phones: [phone],
      firstSeenAt: now,
      lastSeenAt: now,
      channel: "whatsapp",
      tags: [],
      customFields: {},
    }));
  await touchContact(ctx, organizationId, contactId, now);
  const contact = (await ctx.db.get(contactId))!;
  let session = existing ? await ctx.db.get(existing.contactSessionId) : null;
  if (session) await ctx.db.patch(session._id, { expiresAt: now });
  else {
    const sessionId = await ctx.db.insert("contactSessions", {
      organizationId,
      name: contact.name,
      email: "",
      expiresAt: now,
      contactId,
    });
    session = (await ctx.db.get(sessionId))!;
  }
  if (existing) {
    await ctx.db.patch(existing._id, { contactId, contactSessionId: session._id });
    return { chat: (await ctx.db.get(existing._id))!, session };
  }
  const chatId = await ctx.db.insert("whatsappChats", {
    organizationId,
    connectionId: connection._id,
    phone,
    contactId,
    contactSessionId: session._id,
  });
  return { chat: (await ctx.db.get(chatId))!, session };
}

/** The customer's open conversation, or a new WhatsApp one once the last was resolved. */
export async function openConversationFor(
  ctx: MutationCtx,
  session: Doc<"contactSessions">,
  phone: string,
): Promise<Doc<"conversations">> {
  const latest = await ctx.db
    .query("conversations")
    .withIndex("by_contactSession_and_lastMessageAt", (q) => q.eq("contactSessionId", session._id))
    .order("desc")
    .first();
  if (latest && latest.status !== "resolved") {
    if (latest.contactPhone === phone) return latest;
    await ctx.db.patch(latest._id, { contactPhone: phone });
    return (await ctx.db.get(latest._id))!;
  }
  const threadId = await createThread(ctx, components.agent, { userId: session._id });
  const conversationId = await ctx.db.insert("conversations", {
    organizationId: session.organizationId,
    contactSessionId: session._id,
    contactName: session.name,
    contactEmail: "",
    threadId,
    status: "unresolved",
    channel: "whatsapp",
    lastMessageAt: Date.now(),
    unreadByOperator: 0,
    unreadByContact: 0,
    knowledgeMisses: 0,
    contactPhone: phone,
    searchText: [session.name, ...phoneSearchWords(phone)].join(" "),
  });
  return (await ctx.db.get(conversationId))!;
}
