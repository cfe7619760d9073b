import { saveMessage, vStreamArgs } from "@convex-dev/agent";
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { components } from "../_generated/api";
import { operatorAction, operatorMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { markSent, pendingAttachments } from "../lib/attachments/attachments";
import { attachmentCaption } from "../lib/attachments/fileTypes";
import { escalateConversation, recordConversationMessage } from "../lib/conversationState";
import { scheduleOperatorReplyEmail } from "../lib/email/schedule";
import { fail } from "../lib/errors";
import { operatorAgentName, operatorMessage } from "../lib/messageAuthors";
import { requireOrgConversation, requireOrgThread } from "../lib/operatorConversations";
import { recordFirstResponse } from "../lib/officeHours/responseTimes";
import { listThreadMessages } from "../lib/threadMessages";
import { enhanceDraft } from "../lib/ai/enhanceDraft";
import { MAX_MESSAGE_CHARS } from "../lib/validators";
import { vTemplateSend } from "../lib/whatsapp/events";
import { limitEnhance } from "../lib/abuse/limits";

/** Keyed by thread (from conversations.get) so `useUIMessages` from @convex-dev/agent/react works as is. */
export const list = operatorQuery({
  args: {
    threadId: v.string(),
    paginationOpts: paginationOptsValidator,
    streamArgs: v.optional(vStreamArgs),
  },
  handler: async (ctx, { threadId, paginationOpts, streamArgs }) => {
    const { operator } = ctx;
    const conversation = await requireOrgThread(ctx, operator, threadId);
    return await listThreadMessages(ctx, {
      conversationId: conversation._id,
      threadId: conversation.threadId,
      paginationOpts,
      streamArgs,
      audience: "operator",
    });
  },
});

/** An operator's reply joins the agent's thread under their own name; the AI then steps back. */
export const reply = operatorMutation({
  args: {
    conversationId: v.id("conversations"),
    text: v.string(),
    /** Files added with private/attachments:add, sent with this reply. */
    attachmentIds: v.optional(v.array(v.id("attachments"))),
    /** WhatsApp Cloud API: an approved template (the text is its filled body, for the thread). */
    template: v.optional(vTemplateSend),
  },
  handler: async (ctx, { conversationId, text: draft, attachmentIds, template }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    if (conversation.status === "resolved")
      fail("CONVERSATION_RESOLVED", "Conversation is resolved");
    // A caller has no chat to read a written reply in.
    if (conversation.channel === "voice")
      fail("INVALID_INPUT", "A voice call cannot be answered in writing");
    if (template && (conversation.channel !== "whatsapp" || (attachmentIds ?? []).length > 0))
      fail("INVALID_INPUT", "A template is a WhatsApp message without files");
    const attachments = await pendingAttachments(
      ctx,
      conversation,
      attachmentIds ?? [],
      "operator",
    );
    const typed = draft.trim();
    if ((!typed && attachments.length === 0) || typed.length > MAX_MESSAGE_CHARS)
      fail("INVALID_INPUT", "Message is empty or too long");
    const text = typed || attachmentCaption(attachments.map((file) => file.fileName));
    const name = operator.name ?? operator.email ?? "Operator";
    // A new order keeps the reply its own message: clients merge assistant steps of one order.
    const { messageId } = await saveMessage(ctx, components.agent, {
      threadId: conversation.threadId,
      agentName: operatorAgentName(name),
      message: operatorMessage(name, text),
      order: "next",
    });
    await markSent(ctx, attachments, messageId);
    await escalateConversation(ctx, conversation);
    if (conversation.firstHumanReplyAt === undefined) {
      const now = Date.now();
      await ctx.db.patch(conversationId, {
        firstHumanReplyAt: now,
        firstHumanReplyBy: operator.userId,
      });
      await recordFirstResponse(ctx, conversation, now);
    }
    // Whoever answers an unassigned conversation takes it.
    if (conversation.assigneeId === undefined) {
      await ctx.db.patch(conversationId, { assigneeId: operator.userId });
    }
    await recordConversationMessage(ctx, conversation, {
      text,
      author: "operator",
      template,
      threadMessageId: messageId,
    });
    await ctx.db.patch(conversationId, { unreadByOperator: 0 });
    await scheduleOperatorReplyEmail(ctx, conversationId, name);
    await recordAudit(ctx, operator, "conversation.reply", conversationId);
    return messageId;
  },
});

export const enhance = operatorAction({
  args: { text: v.string() },
  handler: async (ctx, { text }) => {
    const { operator } = ctx;
    if (!text.trim() || text.length > MAX_MESSAGE_CHARS)
      fail("INVALID_INPUT", "Draft is empty or too long");
    await limitEnhance(ctx, operator);
    return await enhanceDraft(text);
  },
});
