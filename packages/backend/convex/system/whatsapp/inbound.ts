import { saveMessage } from "@convex-dev/agent";
import { v } from "convex/values";

import { components, internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import { internalMutation, internalQuery, type MutationCtx } from "../../_generated/server";
import { recordConversationMessage } from "../../lib/conversationState";
import { chatFor, openConversationFor } from "../../lib/whatsapp/chats";
import { vInboundMessage, type InboundMessage } from "../../lib/whatsapp/events";
import { detectMessageLanguage, replyLanguage } from "../../lib/answers/language";
import { widgetSettingsFor } from "../../lib/widgetSettings";
import { inboundText, MEDIA_UNAVAILABLE, mediaFileName } from "../../lib/whatsapp/inboundText";
import { providerRow } from "../../lib/whatsapp/messages";

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/** Whether this provider message was already taken in (the HTTP action then stores no file). */
export const seen = internalQuery({
  args: { connectionId: v.id("whatsappConnections"), providerMessageId: v.string() },
  handler: async (ctx, { connectionId, providerMessageId }) =>
    Boolean(await providerRow(ctx, connectionId, providerMessageId)),
});

async function attachMedia(
  ctx: MutationCtx,
  conversation: { _id: Id<"conversations">; organizationId: string },
  message: InboundMessage,
  storageId: Id<"_storage">,
): Promise<Id<"attachments"> | null> {
  const { content } = message;
  if (content.type !== "media") return null;
  const stored = await ctx.db.system.get(storageId);
  if (!stored) return null;
  const { organizationId } = conversation;
  await ctx.db.insert("uploads", { organizationId, storageId });
  const accessKey = Array.from(crypto.getRandomValues(new Uint8Array(24)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
  return await ctx.db.insert("attachments", {
    organizationId,
    conversationId: conversation._id,
    storageId,
    author: "contact",
    fileName: mediaFileName(content, message.providerMessageId),
    contentType: content.mimeType,
    // Only the image types the dashboard shows inline; audio, video and documents are files.
    kind: content.kind === "image" && IMAGE_TYPES.has(content.mimeType) ? "image" : "file",
    size: stored.size,
    accessKey,
  });
}

/**
 * A customer's message, once: the contact by phone, their open conversation (or a new one), the
 * message on the agent's thread, and the same answer turn the widget's messages get.
 */
export const receive = internalMutation({
  args: {
    connectionId: v.id("whatsappConnections"),
    message: vInboundMessage,
    storageId: v.optional(v.id("_storage")),
    /** The file could not be downloaded: the message is kept with a note saying so. */
    mediaUnavailable: v.optional(v.boolean()),
  },
  handler: async (ctx, { connectionId, message, storageId, mediaUnavailable }) => {
    const connection = await ctx.db.get(connectionId);
    if (!connection?.active) return { stored: false, duplicate: false };
    if (await providerRow(ctx, connectionId, message.providerMessageId)) {
      if (storageId) await ctx.storage.delete(storageId);
      return { stored: false, duplicate: true };
    }
    const { chat, session } = await chatFor(ctx, connection, message.phone, message.pushName);
    const lastInboundAt = Math.min(message.sentAt ?? Date.now(), Date.now());
    if ((chat.lastInboundAt ?? 0) < lastInboundAt) await ctx.db.patch(chat._id, { lastInboundAt });
    const conversation = await openConversationFor(ctx, session, message.phone);
    const attachmentId = storageId
      ? await attachMedia(ctx, conversation, message, storageId)
      : null;
    const attachment = attachmentId ? await ctx.db.get(attachmentId) : null;
    const inbound = inboundText(message.content, attachment?.fileName);
    const { typed } = inbound;
    let { text } = inbound;
    if (mediaUnavailable && !attachment) {
      const language = replyLanguage(typed, {
        conversation: conversation.language,
        widget: (await widgetSettingsFor(ctx, conversation.organizationId)).defaultLanguage,
      });
      text = `${text}\n${MEDIA_UNAVAILABLE[language]}`;
    }
    const quoted = message.replyToId
      ? await providerRow(ctx, connectionId, message.replyToId)
      : null;
    const prompt = quoted?.text ? `> ${quoted.text.split("\n").join("\n> ")}\n\n${text}` : text;
    const { messageId } = await saveMessage(ctx, components.agent, {
      threadId: conversation.threadId,
      userId: session._id,
      prompt,
    });
    if (attachmentId) await ctx.db.patch(attachmentId, { messageId });
    await ctx.db.insert("whatsappMessages", {
      organizationId: connection.organizationId,
      connectionId,
      conversationId: conversation._id,
      direction: "inbound",
      providerMessageId: message.providerMessageId,
      threadMessageId: messageId,
      text,
      status: "delivered",
      attempts: 0,
    });
    const detectedLanguage = detectMessageLanguage(typed || text) ?? undefined;
    await recordConversationMessage(ctx, conversation, {
      text,
      author: "contact",
      language: detectedLanguage,
    });
    // A reaction is not a question: it is shown, and nobody answers it.
    if (message.content.type !== "reaction")
      await ctx.scheduler.runAfter(0, internal.system.ai.respond.respond, {
        conversationId: conversation._id,
        promptMessageId: messageId,
        prompt: typed || text,
        detectedLanguage,
        attachments: attachmentId ? 1 : 0,
      });
    return { stored: true, duplicate: false, conversationId: conversation._id };
  },
});
