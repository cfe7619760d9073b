import { v } from "convex/values";

import { internal } from "../../_generated/api";
import { internalAction, internalMutation } from "../../_generated/server";
import { whatsappApiKeySecret } from "../../lib/whatsapp/connections";
import { EvolutionError, evolutionClient } from "../../lib/whatsapp/evolution/client";
import { SEND_RETRY_DELAYS_MS } from "../../lib/whatsapp/outbox";

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
      serverUrl: connection.serverUrl,
      instanceName: connection.instanceName,
      number: chat.phone.replace(/^\+/, ""),
      text: queued.text,
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
    const apiKey: string | null = await ctx.runAction(internal.system.secrets.secrets.read, {
      organizationId: job.organizationId,
      name: whatsappApiKeySecret(job.connectionId),
    });
    if (!apiKey) {
      await ctx.runMutation(internal.system.whatsapp.outbound.recordOutcome, {
        rowId: job.rowId,
        error: "The WhatsApp number's API key is missing",
      });
      return;
    }
    const client = evolutionClient({ ...job, apiKey });
    try {
      let providerMessageId: string;
      if (job.media) {
        const blob = await ctx.storage.get(job.media.storageId);
        if (!blob) throw new EvolutionError("The file is no longer stored", 410);
        providerMessageId = await client.sendMedia(job.number, {
          mediatype: job.media.mediatype,
          mimetype: job.media.mimetype,
          fileName: job.media.fileName,
          media: toBase64(await blob.arrayBuffer()),
        });
      } else {
        providerMessageId = await client.sendText(job.number, job.text ?? "");
      }
      await ctx.runMutation(internal.system.whatsapp.outbound.recordOutcome, {
        rowId: job.rowId,
        providerMessageId,
      });
    } catch (error) {
      const known = error instanceof EvolutionError;
      console.error("WhatsApp send failed", { rowId: job.rowId, error: String(error) });
      await ctx.runMutation(internal.system.whatsapp.outbound.recordOutcome, {
        rowId: job.rowId,
        error: error instanceof Error ? error.message : String(error),
        retryable: known ? error.retryable : true,
      });
    }
  },
});
