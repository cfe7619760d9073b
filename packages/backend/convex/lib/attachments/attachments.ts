import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { fail } from "../errors";
import { claimNewUpload, deleteOwnedUpload } from "../uploads";
import { acceptFile, DEFAULT_MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from "./fileTypes";
import type { AttachmentAuthor } from "./validators";

export type AttachmentRefusal = "FILE_TYPE_NOT_ALLOWED" | "FILE_TOO_LARGE";

/** A refused file is deleted before the answer, so nothing of it stays stored. */
export type AddAttachmentOutcome =
  | { ok: true; attachmentId: Id<"attachments"> }
  | { ok: false; code: AttachmentRefusal; maxBytes: number };

export async function maxAttachmentBytes(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<number> {
  const row = await ctx.db
    .query("attachmentSettings")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  return row?.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
}

function newAccessKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Checks an uploaded file and records it against the conversation, waiting for its message. */
export async function addAttachment(
  ctx: MutationCtx,
  conversation: Doc<"conversations">,
  args: { storageId: Id<"_storage">; fileName: string; author: AttachmentAuthor },
): Promise<AddAttachmentOutcome> {
  const { organizationId } = conversation;
  const stored = await claimNewUpload(ctx, organizationId, args.storageId);
  const accepted = acceptFile(args.fileName, stored.contentType);
  const maxBytes = await maxAttachmentBytes(ctx, organizationId);
  if (!accepted || stored.size > maxBytes) {
    await deleteOwnedUpload(ctx, organizationId, args.storageId);
    return { ok: false, code: accepted ? "FILE_TOO_LARGE" : "FILE_TYPE_NOT_ALLOWED", maxBytes };
  }
  const attachmentId = await ctx.db.insert("attachments", {
    organizationId,
    conversationId: conversation._id,
    storageId: args.storageId,
    author: args.author,
    fileName: accepted.fileName,
    contentType: accepted.contentType,
    kind: accepted.kind,
    size: stored.size,
    accessKey: newAccessKey(),
  });
  return { ok: true, attachmentId };
}

/** The attachments a message is about to carry: the sender's own, unsent, in this conversation. */
export async function pendingAttachments(
  ctx: Pick<QueryCtx, "db">,
  conversation: Doc<"conversations">,
  attachmentIds: readonly Id<"attachments">[],
  author: AttachmentAuthor,
): Promise<Doc<"attachments">[]> {
  if (attachmentIds.length > MAX_ATTACHMENTS_PER_MESSAGE)
    fail("INVALID_INPUT", "Too many attachments");
  const found: Doc<"attachments">[] = [];
  for (const attachmentId of new Set(attachmentIds)) {
    const attachment = await ctx.db.get(attachmentId);
    if (
      !attachment ||
      attachment.conversationId !== conversation._id ||
      attachment.author !== author ||
      attachment.messageId !== undefined
    )
      fail("INVALID_FILE", "Attachment not found");
    found.push(attachment);
  }
  return found;
}

export async function markSent(
  ctx: MutationCtx,
  attachments: readonly Doc<"attachments">[],
  messageId: string,
): Promise<void> {
  for (const attachment of attachments) await ctx.db.patch(attachment._id, { messageId });
}

/** What a message list shows of an attachment: its link carries the key, never the storage id. */
export function attachmentView(attachment: Doc<"attachments">) {
  const site = (process.env.CONVEX_SITE_URL ?? "").replace(/\/+$/, "");
  return {
    id: attachment._id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    kind: attachment.kind,
    size: attachment.size,
    url: `${site}/attachments/${attachment._id}/${attachment.accessKey}`,
  };
}

export type AttachmentView = ReturnType<typeof attachmentView>;

/** Past this many sent files in a conversation, a page's are read message by message instead. */
const ONE_READ_MAX = 100;

/**
 * The files sent with each of a page's messages: one read of the conversation's sent files (the
 * list re-runs after every message, and most messages have none), or one read per message when
 * the conversation has sent more files than that read should carry.
 */
export async function attachmentsOfMessages(
  ctx: Pick<QueryCtx, "db">,
  conversationId: Id<"conversations">,
  messageIds: readonly string[],
): Promise<Map<string, AttachmentView[]>> {
  const byMessage = new Map<string, AttachmentView[]>(messageIds.map((id) => [id, []]));
  if (messageIds.length === 0) return byMessage;
  const sent = await ctx.db
    .query("attachments")
    .withIndex("by_conversation_and_messageId", (q) =>
      q.eq("conversationId", conversationId).gt("messageId", ""),
    )
    .take(ONE_READ_MAX + 1);
  const rows =
    sent.length <= ONE_READ_MAX
      ? sent
      : (
          await Promise.all(
            messageIds.map((messageId) =>
              ctx.db
                .query("attachments")
                .withIndex("by_conversation_and_messageId", (q) =>
                  q.eq("conversationId", conversationId).eq("messageId", messageId),
                )
                .collect(),
            ),
          )
        ).flat();
  for (const row of rows) byMessage.get(row.messageId!)?.push(attachmentView(row));
  return byMessage;
}
