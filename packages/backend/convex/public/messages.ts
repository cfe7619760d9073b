import { saveMessage, vStreamArgs } from "@convex-dev/agent";
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { components, internal } from "../_generated/api";
import {
  requireContactConversation,
  requireContactThread,
  slideExpiryOnMessage,
} from "../lib/contactSessions";
import { markSent, pendingAttachments } from "../lib/attachments/attachments";
import { attachmentCaption } from "../lib/attachments/fileTypes";
import { detectMessageLanguage } from "../lib/answers/language";
import { recordConversationMessage } from "../lib/conversationState";
import { fail } from "../lib/errors";
import { contactMutation, contactQuery } from "../lib/functions";
import { logEvent, startTimer } from "../lib/logging/log";
import { requestIdOf, vRequestId } from "../lib/logging/requestId";
import { limitVisitorMessage } from "../lib/rateLimits";
import { listThreadMessages } from "../lib/threadMessages";
import { MAX_MESSAGE_CHARS } from "../lib/validators";

/** The visitor speaks; the agent answers while unresolved, people once escalated. */
export const send = contactMutation({
  args: {
    conversationId: v.id("conversations"),
    text: v.string(),
    /** Files added with public/attachments:add, sent with this message. */
    attachmentIds: v.optional(v.array(v.id("attachments"))),
    /** The widget's id for this visitor action; every log line the message causes carries it. */
    requestId: vRequestId,
  },
  handler: async (ctx, args) => {
    const { session } = ctx;
    const elapsed = startTimer();
    const requestId = requestIdOf(args.requestId);
    const conversation = await requireContactConversation(ctx, session, args.conversationId);
    if (conversation.status === "resolved")
      fail("CONVERSATION_RESOLVED", "Conversation is resolved");
    const attachments = await pendingAttachments(
      ctx,
      conversation,
      args.attachmentIds ?? [],
      "contact",
    );
    const typed = args.text.trim();
    if ((!typed && attachments.length === 0) || typed.length > MAX_MESSAGE_CHARS)
      fail("INVALID_INPUT", "Message is empty or too long");
    const text = typed || attachmentCaption(attachments.map((file) => file.fileName));
    await limitVisitorMessage(ctx, session);
    await slideExpiryOnMessage(ctx, session);
    const { messageId } = await saveMessage(ctx, components.agent, {
      threadId: conversation.threadId,
      userId: session._id,
      prompt: text,
    });
    await markSent(ctx, attachments, messageId);
    const detectedLanguage = detectMessageLanguage(typed) ?? undefined;
    await recordConversationMessage(ctx, conversation, {
      text,
      author: "contact",
      language: detectedLanguage,
    });
    // The agent answers while unresolved and acknowledges while a person has yet to answer.
    await ctx.scheduler.runAfter(0, internal.system.ai.respond.respond, {
      conversationId: conversation._id,
      promptMessageId: messageId,
      prompt: typed,
      detectedLanguage,
      attachments: attachments.length,
      requestId,
    });
    logEvent("info", "message.received", {
      requestId,
      organizationId: conversation.organizationId,
      conversationId: conversation._id,
      attachments: attachments.length,
      durationMs: elapsed(),
    });
    return messageId;
  },
});

/** Keyed by thread (from conversations.get) so `useUIMessages` from @convex-dev/agent/react works as is. */
export const list = contactQuery({
  args: {
    threadId: v.string(),
    paginationOpts: paginationOptsValidator,
    streamArgs: v.optional(vStreamArgs),
  },
  handler: async (ctx, { threadId, paginationOpts, streamArgs }) => {
    const conversation = await requireContactThread(ctx, ctx.session, threadId);
    return await listThreadMessages(ctx, {
      conversationId: conversation._id,
      threadId: conversation.threadId,
      paginationOpts,
      streamArgs,
      audience: "contact",
    });
  },
});
