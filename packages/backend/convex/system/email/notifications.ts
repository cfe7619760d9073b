import { listUIMessages } from "@convex-dev/agent";
import { v } from "convex/values";

import { components } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import { internalMutation, type MutationCtx } from "../../_generated/server";
import type { Language } from "../../lib/email/copy";
import { queueEmail } from "../../lib/email/outbox";
import {
  escalationEmail,
  operatorReplyEmail,
  transcriptEmail,
  type TranscriptLine,
} from "../../lib/email/templates";
import { authorOf } from "../../lib/messageAuthors";
import { escalationEmailRecipients } from "../../lib/notificationPreferences";
import { findOrganization } from "../../lib/organizations";
import { widgetSettingsFor } from "../../lib/widgetSettings";

/** The emails a conversation's events cause, scheduled by the mutations that change it. */

const dashboardUrl = () => (process.env.ECHO_WEB_URL ?? "http://localhost:3000").replace(/\/$/, "");

async function organizationName(ctx: MutationCtx, organizationId: string) {
  return (await findOrganization(ctx, organizationId))?.name ?? organizationId;
}

async function visitorLanguage(
  ctx: MutationCtx,
  conversation: Doc<"conversations">,
): Promise<Language> {
  return (
    conversation.language ??
    (await widgetSettingsFor(ctx, conversation.organizationId)).defaultLanguage
  );
}

/** The agent usually answers after escalating, so the preview is not the visitor's words. */
async function lastContactMessage(ctx: MutationCtx, threadId: string) {
  const { page } = await listUIMessages(ctx, components.agent, {
    threadId,
    paginationOpts: { numItems: 20, cursor: null },
  });
  const fromContact = page
    .filter((message) => message.role === "user" && message.text.trim())
    .sort((a, b) => b.order - a.order);
  return fromContact[0]?.text.trim();
}

/** Members who opted in hear of a conversation handed to people, in their own language. */
export const escalation = internalMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation || conversation.status !== "escalated") return;
    const organization = await organizationName(ctx, conversation.organizationId);
    const lastFromContact = await lastContactMessage(ctx, conversation.threadId);
    for (const recipient of await escalationEmailRecipients(ctx, conversation.organizationId)) {
      const language = recipient.language ?? "en";
      const content = escalationEmail({
        language,
        organization,
        contact: conversation.contactName,
        email: conversation.contactEmail,
        lastMessage: lastFromContact,
        conversationUrl: `${dashboardUrl()}/${language}/conversations/${conversationId}`,
      });
      await queueEmail(ctx, {
        ...content,
        organizationId: conversation.organizationId,
        kind: "escalation",
        to: recipient.email,
        conversationId,
      });
    }
  },
});

const TRANSCRIPT_MAX_MESSAGES = 500;

async function transcriptLines(ctx: MutationCtx, threadId: string): Promise<TranscriptLine[]> {
  const { page } = await listUIMessages(ctx, components.agent, {
    threadId,
    paginationOpts: { numItems: TRANSCRIPT_MAX_MESSAGES, cursor: null },
  });
  return page
    .filter(
      (message) => (message.role === "user" || message.role === "assistant") && message.text.trim(),
    )
    .sort((a, b) => a.order - b.order || a.stepOrder - b.stepOrder)
    .map((message) => {
      const { author, authorName } = authorOf(message);
      return { author, name: authorName, text: message.text.trim() };
    });
}

/** A visitor who asked for it in the widget gets the whole conversation once it is resolved. */
export const transcript = internalMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation || conversation.status !== "resolved") return;
    const request = await ctx.db
      .query("transcriptRequests")
      .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
      .unique();
    if (!request || !conversation.contactEmail) return;
    const content = transcriptEmail({
      language: await visitorLanguage(ctx, conversation),
      organization: await organizationName(ctx, conversation.organizationId),
      contact: conversation.contactName,
      lines: await transcriptLines(ctx, conversation.threadId),
    });
    await queueEmail(ctx, {
      ...content,
      organizationId: conversation.organizationId,
      kind: "transcript",
      to: conversation.contactEmail,
      conversationId,
    });
  },
});

/**
 * Runs a while after an operator's reply: if the visitor has still not read it (no widget open
 * on the conversation), the replies since the last such email go to them with a link back.
 */
export const operatorReply = internalMutation({
  args: { conversationId: v.id("conversations"), operatorName: v.string() },
  handler: async (ctx, { conversationId, operatorName }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation || conversation.unreadByContact === 0 || !conversation.contactEmail) return;
    const previous = await ctx.db
      .query("outboundEmails")
      .withIndex("by_conversation_and_kind", (q) =>
        q.eq("conversationId", conversationId).eq("kind", "operatorReply"),
      )
      .order("desc")
      .first();
    const since = previous?._creationTime ?? 0;
    const { page } = await listUIMessages(ctx, components.agent, {
      threadId: conversation.threadId,
      paginationOpts: { numItems: 20, cursor: null },
    });
    const replies = page
      .filter((message) => authorOf(message).author === "operator" && message._creationTime > since)
      .sort((a, b) => a.order - b.order)
      .map((message) => message.text.trim())
      .filter(Boolean);
    if (replies.length === 0) return;
    const session = await ctx.db.get(conversation.contactSessionId);
    const widgetUrl = (process.env.ECHO_WIDGET_URL ?? "http://localhost:3001").replace(/\/$/, "");
    const conversationUrl =
      session?.metadata?.currentUrl ??
      `${widgetUrl}/?organizationId=${encodeURIComponent(conversation.organizationId)}`;
    const content = operatorReplyEmail({
      language: await visitorLanguage(ctx, conversation),
      organization: await organizationName(ctx, conversation.organizationId),
      contact: conversation.contactName,
      operator: operatorName,
      replies,
      conversationUrl,
    });
    await queueEmail(ctx, {
      ...content,
      organizationId: conversation.organizationId,
      kind: "operatorReply",
      to: conversation.contactEmail,
      conversationId,
    });
  },
});
