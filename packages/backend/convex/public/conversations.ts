import { createThread, saveMessage } from "@convex-dev/agent";
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { components } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { requireContactConversation } from "../lib/contactSessions";
import { contactMutation, contactQuery } from "../lib/functions";
import { limitConversationCreation } from "../lib/rateLimits";
import { widgetSettingsFor } from "../lib/widgetSettings";
import { widgetCopyFor } from "../lib/widgetCopy";
import { vLanguage } from "../lib/validators";
import { AGENT_NAME } from "../lib/ai/supportAgent";

/** What a visitor may see of a conversation: no operator data. */
function forContact(conversation: Doc<"conversations">) {
  return {
    _id: conversation._id,
    threadId: conversation.threadId,
    _creationTime: conversation._creationTime,
    status: conversation.status,
    channel: conversation.channel,
    lastMessageAt: conversation.lastMessageAt,
    lastMessage: conversation.lastMessage,
    unread: conversation.unreadByContact,
    /** An operator has opened the conversation since the visitor's latest message. */
    seenByOperator: conversation.unreadByOperator === 0,
  };
}

/** A chat: voice conversations come only from Vapi's end-of-call reports. */
export const create = contactMutation({
  /** The widget's locale: the greeting is in it, and replies fall back to it. */
  args: { language: v.optional(vLanguage) },
  handler: async (ctx, { language }) => {
    const { session } = ctx;
    await limitConversationCreation(ctx, session);
    const threadId = await createThread(ctx, components.agent, { userId: session._id });
    const settings = await widgetSettingsFor(ctx, session.organizationId);
    const { greeting } = widgetCopyFor(settings, language ?? settings.defaultLanguage);
    await saveMessage(ctx, components.agent, {
      threadId,
      agentName: AGENT_NAME,
      message: { role: "assistant", content: greeting },
    });
    const now = Date.now();
    const conversationId = await ctx.db.insert("conversations", {
      organizationId: session.organizationId,
      contactSessionId: session._id,
      contactName: session.name,
      contactEmail: session.email,
      threadId,
      status: "unresolved",
      channel: "chat",
      lastMessageAt: now,
      lastMessage: { text: greeting, author: "agent" },
      unreadByOperator: 0,
      unreadByContact: 0,
      knowledgeMisses: 0,
      ...(language ? { language } : {}),
      searchText: `${session.name} ${session.email}`,
      ...(session.contactId ? { contactId: session.contactId } : {}),
    });
    return conversationId;
  },
});

export const get = contactQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    return forContact(await requireContactConversation(ctx, ctx.session, conversationId));
  },
});

export const listOwn = contactQuery({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const { session } = ctx;
    const result = await ctx.db
      .query("conversations")
      .withIndex("by_contactSession_and_lastMessageAt", (q) =>
        q.eq("contactSessionId", session._id),
      )
      .order("desc")
      .paginate(paginationOpts);
    return { ...result, page: result.page.map(forContact) };
  },
});

export const markRead = contactMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    if (conversation.unreadByContact > 0)
      await ctx.db.patch(conversation._id, { unreadByContact: 0 });
  },
});
