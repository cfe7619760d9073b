import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { httpAction, type ActionCtx } from "./_generated/server";
import { cloudClient } from "./lib/whatsapp/cloud/client";
import { parseCloudWebhook } from "./lib/whatsapp/cloud/payload";
import { cloudSignatureMatches } from "./lib/whatsapp/cloud/signature";
import { whatsappCloudSecrets } from "./lib/whatsapp/connections";
import type { InboundMessage } from "./lib/whatsapp/events";
import { verifyVapiSecret } from "./lib/webhooks/verifyVapiSecret";

export const CLOUD_WEBHOOK_PREFIX = "/webhooks/whatsapp/cloud/";

type CloudConnection = {
  _id: Id<"whatsappConnections">;
  organizationId: string;
  verifyToken: string;
  phoneNumberId: string;
  businessAccountId: string;
};

async function activeCloudConnection(
  ctx: ActionCtx,
  request: Request,
): Promise<CloudConnection | null> {
  const id = decodeURIComponent(new URL(request.url).pathname.slice(CLOUD_WEBHOOK_PREFIX.length));
  const connection = id
    ? await ctx.runQuery(internal.system.whatsapp.connections.forWebhook, { connectionId: id })
    : null;
  return connection?.active && connection.gateway === "cloud" ? connection : null;
}

const readSecret = (ctx: ActionCtx, organizationId: string, name: string) =>
  ctx.runAction(internal.system.secrets.secrets.read, { organizationId, name });

/**
 * GET <site>/webhooks/whatsapp/cloud/<connection>: Meta's subscription handshake. The challenge
 * is echoed only for `hub.mode=subscribe` with this connection's verify token.
 */
export const cloudVerify = httpAction(async (ctx, request) => {
  const connection = await activeCloudConnection(ctx, request);
  if (!connection) return new Response("Unknown connection", { status: 404 });
  const params = new URL(request.url).searchParams;
  const tokenMatches = await verifyVapiSecret(
    connection.verifyToken,
    params.get("hub.verify_token"),
  );
  if (params.get("hub.mode") !== "subscribe" || !tokenMatches)
    return new Response("Verification failed", { status: 403 });
  return new Response(params.get("hub.challenge") ?? "", {
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
});

/** A customer's file, by its media id, into storage before the mutation; none for a replay. */
async function storeMedia(
  ctx: ActionCtx,
  connection: CloudConnection,
  accessToken: string,
  message: InboundMessage,
): Promise<{ message: InboundMessage; storageId?: Id<"_storage"> }> {
  const { content } = message;
  if (content.type !== "media" || !content.mediaId) return { message };
  const { mediaId, ...withoutId } = content;
  const stripped = { ...message, content: withoutId };
  const seen = await ctx.runQuery(internal.system.whatsapp.inbound.seen, {
    connectionId: connection._id,
    providerMessageId: message.providerMessageId,
  });
  if (seen) return { message: stripped };
  try {
    const blob = await cloudClient({ ...connection, accessToken }).downloadMedia(mediaId);
    const typed = new Blob([blob], { type: content.mimeType || blob.type });
    return { message: stripped, storageId: await ctx.storage.store(typed) };
  } catch (error) {
    // The message still reaches the inbox, saying what was sent, without the file.
    console.error("WhatsApp Cloud media download failed", { mediaId, error: String(error) });
    return { message: stripped };
  }
}

/**
 * POST <site>/webhooks/whatsapp/cloud/<connection>: messages and statuses for one Cloud API
 * number. An unknown or disconnected connection is 404; a missing or wrong
 * `X-Hub-Signature-256` (HMAC-SHA256 of the raw body under the app secret) is 401; neither
 * stores anything.
 */
export const cloudWebhook = httpAction(async (ctx, request) => {
  const connection = await activeCloudConnection(ctx, request);
  if (!connection) return new Response("Unknown connection", { status: 404 });
  const secrets = whatsappCloudSecrets(connection._id);
  const raw = await request.text();
  const appSecret = await readSecret(ctx, connection.organizationId, secrets.appSecret);
  const signature = request.headers.get("x-hub-signature-256");
  if (!appSecret || !(await cloudSignatureMatches(appSecret, raw, signature)))
    return new Response("Invalid signature", { status: 401 });
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return new Response("Invalid JSON", { status: 400 });
  }
  const events = parseCloudWebhook(body);
  const accessToken = events.some((e) => e.type === "message" && e.message.content.type === "media")
    ? await readSecret(ctx, connection.organizationId, secrets.accessToken)
    : null;
  let duplicates = 0;
  for (const event of events) {
    if (event.type === "message") {
      const { message, storageId } = accessToken
        ? await storeMedia(ctx, connection, accessToken, event.message)
        : { message: withoutMediaId(event.message), storageId: undefined };
      const result = await ctx.runMutation(internal.system.whatsapp.inbound.receive, {
        connectionId: connection._id,
        message,
        ...(storageId ? { storageId } : {}),
      });
      if (result.duplicate) duplicates++;
    } else if (event.type === "status") {
      await ctx.runMutation(internal.system.whatsapp.connections.applyStatus, {
        connectionId: connection._id,
        providerMessageId: event.providerMessageId,
        status: event.status,
        ...(event.reason ? { reason: event.reason } : {}),
      });
    }
  }
  return Response.json({ received: events.length, duplicates });
});

function withoutMediaId(message: InboundMessage): InboundMessage {
  if (message.content.type !== "media") return message;
  const { mediaId: _mediaId, ...content } = message.content;
  return { ...message, content };
}
