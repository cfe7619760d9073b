import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { httpAction, type ActionCtx } from "./_generated/server";
import { apiKeyMatches } from "./lib/whatsapp/apiKeyHash";
import { decodeBase64 } from "./lib/whatsapp/base64";
import type { InboundMessage } from "./lib/whatsapp/events";
import { parseEvolutionWebhook } from "./lib/whatsapp/evolution/payload";

export const EVOLUTION_WEBHOOK_PREFIX = "/webhooks/whatsapp/evolution/";

/**
 * The file goes to storage before the mutation: Evolution's inline base64 when the webhook has it,
 * else fetched from the instance. A file that cannot be had keeps its message, marked unavailable.
 */
async function storeMedia(
  ctx: ActionCtx,
  connectionId: Id<"whatsappConnections">,
  message: InboundMessage,
): Promise<{ message: InboundMessage; storageId?: Id<"_storage">; mediaUnavailable?: true }> {
  const { content } = message;
  if (content.type !== "media") return { message };
  const { base64, ...withoutFile } = content;
  const stripped = { ...message, content: withoutFile };
  const seen = await ctx.runQuery(internal.system.whatsapp.inbound.seen, {
    connectionId,
    providerMessageId: message.providerMessageId,
  });
  if (seen) return { message: stripped };
  const bytes = base64 ? decodeBase64(base64) : null;
  const storageId = bytes
    ? await ctx.storage.store(new Blob([bytes], { type: content.mimeType }))
    : await ctx.runAction(internal.system.whatsapp.media.downloadEvolutionMedia, {
        connectionId,
        providerMessageId: message.providerMessageId,
        mimeType: content.mimeType,
      });
  return storageId
    ? { message: stripped, storageId }
    : { message: stripped, mediaUnavailable: true };
}

/**
 * POST <site>/webhooks/whatsapp/evolution/<connection>: one Evolution API instance's events. An
 * unknown or disconnected connection is 404, a wrong or missing `apikey` 401, and neither stores
 * anything.
 */
export const evolutionWebhook = httpAction(async (ctx, request) => {
  const id = decodeURIComponent(
    new URL(request.url).pathname.slice(EVOLUTION_WEBHOOK_PREFIX.length),
  );
  const connection = id
    ? await ctx.runQuery(internal.system.whatsapp.connections.forWebhook, { connectionId: id })
    : null;
  if (!connection?.active || connection.gateway !== "evolution")
    return new Response("Unknown connection", { status: 404 });
  const body: unknown = await request.json().catch(() => null);
  const { apiKey, event } = parseEvolutionWebhook(body);
  if (!(await apiKeyMatches(connection.apiKeyHash, apiKey ?? request.headers.get("apikey"))))
    return new Response("Invalid API key", { status: 401 });
  const connectionId = connection._id;
  switch (event.type) {
    case "message": {
      const { message, storageId, mediaUnavailable } = await storeMedia(
        ctx,
        connectionId,
        event.message,
      );
      const result = await ctx.runMutation(internal.system.whatsapp.inbound.receive, {
        connectionId,
        message,
        ...(storageId ? { storageId } : {}),
        ...(mediaUnavailable ? { mediaUnavailable } : {}),
      });
      return Response.json({ received: true, duplicate: result.duplicate });
    }
    case "status":
      await ctx.runMutation(internal.system.whatsapp.connections.applyStatus, {
        connectionId,
        providerMessageId: event.providerMessageId,
        status: event.status,
        ...(event.reason ? { reason: event.reason } : {}),
      });
      return Response.json({ received: true });
    case "connection":
      await ctx.runMutation(internal.system.whatsapp.connections.setState, {
        connectionId,
        state: event.state,
      });
      return Response.json({ received: true });
    case "ignored":
      return Response.json({ received: true, ignored: true });
  }
});
