import { v } from "convex/values";

import { addAttachment, maxAttachmentBytes } from "../lib/attachments/attachments";
import { ACCEPTED_EXTENSIONS } from "../lib/attachments/fileTypes";
import { requireContactConversation } from "../lib/contactSessions";
import { fail } from "../lib/errors";
import { contactMutation, contactQuery } from "../lib/functions";
import { limitVisitorMessage } from "../lib/rateLimits";
import { generateOrganizationUploadUrl } from "../lib/uploads";

/** What the widget's picker offers and the size it may send; the server checks both again. */
export const limits = contactQuery({
  args: {},
  handler: async (ctx) => ({
    maxBytes: await maxAttachmentBytes(ctx, ctx.session.organizationId),
    accept: ACCEPTED_EXTENSIONS,
  }),
});

/** An upload URL for a file the visitor is about to send; it counts against their message limits. */
export const generateUploadUrl = contactMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    if (conversation.status === "resolved")
      fail("CONVERSATION_RESOLVED", "Conversation is resolved");
    await limitVisitorMessage(ctx, ctx.session);
    return await generateOrganizationUploadUrl(ctx, ctx.session.organizationId);
  },
});

/** The uploaded file, checked: its id to send with a message, or why it was refused (and deleted). */
export const add = contactMutation({
  args: {
    conversationId: v.id("conversations"),
    storageId: v.id("_storage"),
    fileName: v.string(),
  },
  handler: async (ctx, { conversationId, storageId, fileName }) => {
    const conversation = await requireContactConversation(ctx, ctx.session, conversationId);
    if (conversation.status === "resolved")
      fail("CONVERSATION_RESOLVED", "Conversation is resolved");
    return await addAttachment(ctx, conversation, { storageId, fileName, author: "contact" });
  },
});
