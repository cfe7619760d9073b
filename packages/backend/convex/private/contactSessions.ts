import { v } from "convex/values";

import { operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";

/** The contact panel lists this many of a visitor's conversations, newest first. */
const MAX_CONTACT_CONVERSATIONS = 20;

/**
 * The person behind a conversation: on the widget, the browser details it collected; on WhatsApp
 * and voice, whose session only anchors the conversation, their phone (E.164) and the contact's name.
 */
export const getForConversation = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    const session = await ctx.db.get(conversation.contactSessionId);
    if (!session) return null;
    const contact = conversation.contactId ? await ctx.db.get(conversation.contactId) : null;
    // Conversations opened before contactPhone existed find it on their WhatsApp chat.
    const chat =
      conversation.channel === "whatsapp" && !conversation.contactPhone
        ? await ctx.db
            .query("whatsappChats")
            .withIndex("by_contactSession", (q) => q.eq("contactSessionId", session._id))
            .first()
        : null;
    const phone =
      conversation.contactPhone ?? chat?.phone ?? conversation.voiceCall?.customerNumber ?? null;
    return {
      channel: conversation.channel,
      name: conversation.channel === "chat" ? session.name : (contact?.name ?? session.name),
      email: session.email,
      phone,
      createdAt: session._creationTime,
      expiresAt: session.expiresAt,
      metadata: session.metadata ?? {},
    };
  },
});

/**
 * Every conversation of the visitor behind one conversation, newest activity first, for the
 * contact panel. Operators name a visitor by a conversation: the session id is the visitor's.
 */
export const listConversations = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const { contactSessionId } = await requireOrgConversation(ctx, operator, conversationId);
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_contactSession_and_lastMessageAt", (q) =>
        q.eq("contactSessionId", contactSessionId),
      )
      .order("desc")
      .take(MAX_CONTACT_CONVERSATIONS);
    return conversations
      .filter((conversation) => conversation.organizationId === operator.orgId)
      .map((conversation) => ({
        _id: conversation._id,
        _creationTime: conversation._creationTime,
        status: conversation.status,
        channel: conversation.channel,
        lastMessageAt: conversation.lastMessageAt,
        lastMessage: conversation.lastMessage?.text ?? null,
      }));
  },
});
