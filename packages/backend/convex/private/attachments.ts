import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { addAttachment, maxAttachmentBytes } from "../lib/attachments/attachments";
import { ACCEPTED_EXTENSIONS, MAX_ATTACHMENT_BYTES_LIMIT } from "../lib/attachments/fileTypes";
import { fail } from "../lib/errors";
import { adminMutation, operatorMutation, operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { generateOrganizationUploadUrl } from "../lib/uploads";

/** The organization's attachment size limit and the accepted types, for pickers and settings. */
export const limits = operatorQuery({
  args: {},
  handler: async (ctx) => ({
    maxBytes: await maxAttachmentBytes(ctx, ctx.operator.orgId),
    maxBytesLimit: MAX_ATTACHMENT_BYTES_LIMIT,
    accept: ACCEPTED_EXTENSIONS,
  }),
});

export const generateUploadUrl = operatorMutation({
  args: {},
  handler: async (ctx) => await generateOrganizationUploadUrl(ctx, ctx.operator.orgId),
});

/** An uploaded file checked for a reply: its id, or why it was refused (and deleted). */
export const add = operatorMutation({
  args: {
    conversationId: v.id("conversations"),
    storageId: v.id("_storage"),
    fileName: v.string(),
  },
  handler: async (ctx, { conversationId, storageId, fileName }) => {
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    if (conversation.status === "resolved")
      fail("CONVERSATION_RESOLVED", "Conversation is resolved");
    return await addAttachment(ctx, conversation, { storageId, fileName, author: "operator" });
  },
});

/** Admins set how large a file visitors and operators may send. */
export const setMaxBytes = adminMutation({
  args: { maxBytes: v.number() },
  handler: async (ctx, { maxBytes }) => {
    const { operator } = ctx;
    if (!Number.isInteger(maxBytes) || maxBytes < 1 || maxBytes > MAX_ATTACHMENT_BYTES_LIMIT)
      fail("INVALID_INPUT", "Attachment limit is out of range");
    const row = await ctx.db
      .query("attachmentSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .unique();
    if (row) await ctx.db.patch(row._id, { maxBytes });
    else await ctx.db.insert("attachmentSettings", { organizationId: operator.orgId, maxBytes });
    await recordAudit(ctx, operator, "attachments.limit", undefined, { maxBytes });
  },
});
