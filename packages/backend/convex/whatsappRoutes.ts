import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { httpAction, type ActionCtx } from "./_generated/server";
import { apiKeyMatches } from "./lib/whatsapp/apiKeyHash";
import type { InboundMessage } from "./lib/whatsapp/events";
import { parseEvolutionWebhook } from "./lib/whatsapp/evolution/payload";

export const EVOLUTION_WEBHOOK_PREFIX = "/webhooks/whatsapp/evolution/";

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(base64.replace(/^data:[^,]*,/, "").replace(/\s/g, ""));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Evolution sends media inline (webhook base64): the file goes to storage before the mutation. */
async function storeMedia(
  ctx: ActionCtx,
  connectionId: Id<"whatsappConnections">,
  message: InboundMessage,
): Promise<{ message: InboundMessage; storageId?: Id<"_storage"> }> {
  const { content } = message;
  if (content.type !== "media" || !content.base64) return { message };
  const { base64, ...withoutFile } = content;
  const stripped = { ...message, content: withoutFile };
  const seen = await ctx.runQuery(internal.system.whatsapp.inbound.seen, {
    connectionId,
    providerMessageId: message.providerMessageId,
  });
  const bytes = seen ? null : decodeBase64(base64);
  if (!bytes) return { message: stripped };
  const storageId = await ctx.storage.store(new Blob([bytes], { type: content.mimeType }));
  return { message: stripped, storageId };
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
      const { message, storageId } = await storeMedia(ctx, connectionId, event.message);
      const result = await ctx.runMutation(internal.system.whatsapp.inbound.receive, {
        connectionId,
        message,
        ...(storageId ? { storageId } : {}),
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
