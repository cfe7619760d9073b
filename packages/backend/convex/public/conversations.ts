import { createThread, saveMessage } from "@convex-dev/agent";
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { components } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import { mutation, query } from "../_generated/server";
import { requireContactConversation, requireContactSession } from "../lib/contactSessions";
import { limitConversationCreation } from "../lib/rateLimits";
import { widgetSettingsFor } from "../lib/widgetSettings";
import { vChannel } from "../lib/validators";
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
  };
}

export const create = mutation({
  args: { contactSessionId: v.id("contactSessions"), channel: v.optional(vChannel) },
  handler: async (ctx, { contactSessionId, channel }) => {
    const session = await requireContactSession(ctx, { contactSessionId });
    await limitConversationCreation(ctx, session);
    const threadId = await createThread(ctx, components.agent, { userId: session._id });
    const { greeting } = await widgetSettingsFor(ctx, session.organizationId);
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
      channel: channel ?? "chat",
      lastMessageAt: now,
      lastMessage: { text: greeting, author: "agent" },
      unreadByOperator: 0,
      unreadByContact: 0,
      knowledgeMisses: 0,
      searchText: `${session.name} ${session.email}`,
    });
    return conversationId;
  },
});

export const get = query({
  args: { contactSessionId: v.id("contactSessions"), conversationId: v.id("conversations") },
  handler: async (ctx, args) => {
    const { conversation } = await requireContactConversation(ctx, { ...args, allowExpired: true });
    return forContact(conversation);
  },
});

export const listOwn = query({
  args: { contactSessionId: v.id("contactSessions"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { contactSessionId, paginationOpts }) => {
    const session = await requireContactSession(ctx, { contactSessionId, allowExpired: true });
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

export const markRead = mutation({
  args: { contactSessionId: v.id("contactSessions"), conversationId: v.id("conversations") },
  handler: async (ctx, args) => {
    const { conversation } = await requireContactConversation(ctx, args);
    if (conversation.unreadByContact > 0)
      await ctx.db.patch(conversation._id, { unreadByContact: 0 });
  },
});
