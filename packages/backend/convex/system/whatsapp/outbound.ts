import { v } from "convex/values";

import { internal } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import { internalAction, internalMutation } from "../../_generated/server";
import { GatewayError } from "../../lib/whatsapp/gatewayError";
import { openSender, type SenderTarget } from "../../lib/whatsapp/sender";
import { SEND_RETRY_DELAYS_MS } from "../../lib/whatsapp/outbox";

function senderTarget(connection: Doc<"whatsappConnections">): SenderTarget {
  return connection.gateway === "evolution"
    ? {
        gateway: "evolution",
        serverUrl: connection.serverUrl,
        instanceName: connection.instanceName,
      }
    : {
        gateway: "cloud",
        phoneNumberId: connection.phoneNumberId,
        businessAccountId: connection.businessAccountId,
      };
}

/**
 * Takes the conversation's oldest queued message for one sender: none while another send of this
 * conversation is in flight or its retry is waiting, so parts keep their order and none goes twice.
 */
export const claimNext = internalMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const queued = await ctx.db
      .query("whatsappMessages")
      .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
      .filter((q) =>
        q.and(q.eq(q.field("direction"), "outbound"), q.eq(q.field("status"), "queued")),
      )
      .first();
    if (!queued || queued.claimedAt !== undefined) return null;
    if (queued.notBefore !== undefined && queued.notBefore > Date.now()) return null;
    const connection = await ctx.db.get(queued.connectionId);
    const conversation = await ctx.db.get(conversationId);
    const chat = conversation
      ? await ctx.db
          .query("whatsappChats")
          .withIndex("by_contactSession", (q) =>
            q.eq("contactSessionId", conversation.contactSessionId),
          )
          .first()
      : null;
    if (!connection?.active || !chat) {
      await ctx.db.patch(queued._id, {
        status: "failed",
        error: "The WhatsApp number was disconnected",
      });
      await ctx.scheduler.runAfter(0, internal.system.whatsapp.outbound.deliverNext, {
        conversationId,
      });
      return null;
    }
    await ctx.db.patch(queued._id, { claimedAt: Date.now(), attempts: queued.attempts + 1 });
    const attachment = queued.attachmentId ? await ctx.db.get(queued.attachmentId) : null;
    return {
      rowId: queued._id,
      organizationId: queued.organizationId,
      connectionId: connection._id,
      target: senderTarget(connection),
      number: chat.phone.replace(/^\+/, ""),
      text: queued.text,
      template: queued.template,
      media: attachment
        ? {
            storageId: attachment.storageId,
            fileName: attachment.fileName,
            mimetype: attachment.contentType,
            mediatype:
              attachment.kind === "image"
                ? ("image" as const)
                : attachment.contentType.startsWith("video/")
                  ? ("video" as const)
                  : ("document" as const),
          }
        : null,
    };
  },
});

/** The send's outcome; a 429/5xx is retried after a growing delay, anything else fails with its reason. */
export const recordOutcome = internalMutation({
  args: {
    rowId: v.id("whatsappMessages"),
    providerMessageId: v.optional(v.string()),
    error: v.optional(v.string()),
    retryable: v.optional(v.boolean()),
  },
  handler: async (ctx, { rowId, providerMessageId, error, retryable }) => {
    const row = await ctx.db.get(rowId);
    if (!row) return;
    const next = (delay: number) =>
      ctx.scheduler.runAfter(delay, internal.system.whatsapp.outbound.deliverNext, {
        conversationId: row.conversationId,
      });
    if (providerMessageId) {
      await ctx.db.patch(rowId, {
        status: "sent",
        providerMessageId,
        claimedAt: undefined,
        notBefore: undefined,
        error: undefined,
      });
      await next(0);
      return;
    }
    const delay = SEND_RETRY_DELAYS_MS[row.attempts - 1];
    if (retryable && delay !== undefined) {
      await ctx.db.patch(rowId, { claimedAt: undefined, notBefore: Date.now() + delay, error });
      await next(delay);
      return;
    }
    await ctx.db.patch(rowId, { status: "failed", claimedAt: undefined, error });
    await next(0);
  },
});

/** Sends the conversation's next queued message through its gateway, then the one after. */
export const deliverNext = internalAction({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const job = await ctx.runMutation(internal.system.whatsapp.outbound.claimNext, {
      conversationId,
    });
    if (!job) return;
    const sender = await openSender(ctx, job.organizationId, job.connectionId, job.target);
    if (!sender) {
      await ctx.runMutation(internal.system.whatsapp.outbound.recordOutcome, {
        rowId: job.rowId,
        error: "The WhatsApp number's credentials are missing",
      });
      return;
    }
    try {
      let providerMessageId: string;
      if (job.media) {
        const blob = await ctx.storage.get(job.media.storageId);
        if (!blob) throw new GatewayError("The file is no longer stored", 410);
        providerMessageId = await sender.file(job.number, { ...job.media, blob });
      } else if (job.template) {
        if (!sender.template) throw new GatewayError("This gateway has no templates", 400);
        providerMessageId = await sender.template(job.number, job.template);
      } else {
        providerMessageId = await sender.text(job.number, job.text ?? "");
      }
      await ctx.runMutation(internal.system.whatsapp.outbound.recordOutcome, {
        rowId: job.rowId,
        providerMessageId,
      });
    } catch (error) {
      const known = error instanceof GatewayError;
      console.error("WhatsApp send failed", { rowId: job.rowId, error: String(error) });
      await ctx.runMutation(internal.system.whatsapp.outbound.recordOutcome, {
        rowId: job.rowId,
        error: error instanceof Error ? error.message : String(error),
        retryable: known ? error.retryable : true,
      });
    }
  },
});
