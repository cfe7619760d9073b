import { components, internal } from "../../_generated/api";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import type { TemplateSend } from "./events";
import { markdownToWhatsApp, splitForWhatsApp } from "./format";
import { windowOpen } from "./window";

/** Delays before each retry of a send the gateway refused with 429/5xx; then it is `failed`. */
export const SEND_RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000];

export async function chatOf(ctx: Pick<QueryCtx, "db">, conversation: Doc<"conversations">) {
  return await ctx.db
    .query("whatsappChats")
    .withIndex("by_contactSession", (q) => q.eq("contactSessionId", conversation.contactSessionId))
    .first();
}

/** The answer's own thread message (its order groups the delivery statuses), if it exists. */
async function threadMessage(ctx: MutationCtx, messageId: string | undefined) {
  if (messageId === undefined) return null;
  const [message] = await ctx.runQuery(components.agent.messages.getMessagesByIds, {
    messageIds: [messageId],
  });
  return message ? { id: message._id, order: message.order } : null;
}

/**
 * An answer (the agent's or an operator's) to a WhatsApp conversation goes to the customer's
 * phone: formatted for WhatsApp, split at its limit, its files after it, each part a queued row
 * that system/whatsapp/outbound sends in order. On the Cloud API, past the 24-hour window an
 * operator's free-form reply is refused and the agent's is not sent; only a template goes.
 * `threadMessageId` is the answer's saved thread message, named by the caller: another turn of the
 * same conversation may have saved a newer one by the time this answer is queued.
 */
export async function queueWhatsAppReply(
  ctx: MutationCtx,
  conversation: Doc<"conversations">,
  text: string,
  {
    author,
    template,
    threadMessageId: messageId,
  }: { author: "agent" | "operator"; template?: TemplateSend; threadMessageId?: string },
): Promise<void> {
  const chat = await chatOf(ctx, conversation);
  const connection = chat ? await ctx.db.get(chat.connectionId) : null;
  if (!chat || !connection?.active) {
    if (template) fail("NOT_CONFIGURED", "The WhatsApp number was disconnected");
    return;
  }
  if (template && connection.gateway !== "cloud")
    fail("INVALID_INPUT", "Templates are sent through the WhatsApp Cloud API only");
  if (!template && !windowOpen(connection, chat)) {
    if (author === "operator")
      fail(
        "WHATSAPP_WINDOW_CLOSED",
        "The customer wrote more than 24 hours ago: send an approved template",
      );
    console.warn("WhatsApp reply not sent: the 24-hour window is closed", {
      conversationId: conversation._id,
    });
    return;
  }
  const reply = await threadMessage(ctx, messageId);
  const threadMessageId = reply?.id;
  const attachments = threadMessageId
    ? await ctx.db
        .query("attachments")
        .withIndex("by_conversation_and_messageId", (q) =>
          q.eq("conversationId", conversation._id).eq("messageId", threadMessageId),
        )
        .collect()
    : [];
  const base = {
    organizationId: conversation.organizationId,
    connectionId: connection._id,
    conversationId: conversation._id,
    direction: "outbound" as const,
    threadMessageId,
    threadOrder: reply?.order,
    status: "queued" as const,
    attempts: 0,
  };
  if (template) {
    await ctx.db.insert("whatsappMessages", { ...base, text, template, part: 0 });
    await ctx.scheduler.runAfter(0, internal.system.whatsapp.outbound.deliverNext, {
      conversationId: conversation._id,
    });
    return;
  }
  const captionOnly = attachments.length > 0 && text.startsWith("📎");
  const parts = captionOnly ? [] : splitForWhatsApp(markdownToWhatsApp(text));
  let part = 0;
  for (const chunk of parts)
    await ctx.db.insert("whatsappMessages", { ...base, text: chunk, part: part++ });
  for (const attachment of attachments)
    await ctx.db.insert("whatsappMessages", {
      ...base,
      attachmentId: attachment._id as Id<"attachments">,
      part: part++,
    });
  if (part > 0)
    await ctx.scheduler.runAfter(0, internal.system.whatsapp.outbound.deliverNext, {
      conversationId: conversation._id,
    });
}
