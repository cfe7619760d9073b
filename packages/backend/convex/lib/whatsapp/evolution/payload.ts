import type { InboundMessage, WhatsAppEvent, DeliveryStatus, GatewayState } from "../events";

/**
 * Evolution API (v2) webhook bodies → gateway-neutral events. Every body is
 * `{ event, instance, data, apikey, … }`; only what Echo acts on is read, and anything unknown
 * normalizes to `ignored` so a new Evolution event never fails the webhook.
 */

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const asString = (value: unknown): string | undefined =>
  typeof value === "string" && value ? value : undefined;

/** `5511987654321@s.whatsapp.net` → `+5511987654321`; groups and broadcasts are not customers. */
export function phoneOfJid(jid: string | undefined): string | undefined {
  const match = jid?.match(/^(\d{6,15})(?::\d+)?@s\.whatsapp\.net$/);
  return match ? `+${match[1]}` : undefined;
}

const MEDIA_TYPES = {
  imageMessage: "image",
  audioMessage: "audio",
  videoMessage: "video",
  documentMessage: "document",
  documentWithCaptionMessage: "document",
  stickerMessage: "image",
} as const;

function quotedIdOf(message: Json): string | undefined {
  for (const part of Object.values(message)) {
    const context = asObject(asObject(part)?.contextInfo);
    const id = asString(context?.stanzaId);
    if (id) return id;
  }
  return undefined;
}

function contentOf(message: Json, base64: string | undefined): InboundMessage["content"] | null {
  const text =
    asString(message.conversation) ?? asString(asObject(message.extendedTextMessage)?.text);
  if (text) return { type: "text", text };
  for (const [key, kind] of Object.entries(MEDIA_TYPES)) {
    let media = asObject(message[key]);
    // A document with a caption wraps the document message one level down.
    if (key === "documentWithCaptionMessage")
      media = asObject(asObject(asObject(media?.message)?.documentMessage));
    if (!media) continue;
    return {
      type: "media",
      kind,
      mimeType: asString(media.mimetype)?.split(";")[0]?.trim() ?? "application/octet-stream",
      fileName: asString(media.fileName),
      caption: asString(media.caption),
      base64,
      voiceNote: kind === "audio" && media.ptt === true,
    };
  }
  const location = asObject(message.locationMessage) ?? asObject(message.liveLocationMessage);
  if (location && typeof location.degreesLatitude === "number") {
    return {
      type: "location",
      latitude: location.degreesLatitude,
      longitude: Number(location.degreesLongitude),
      name: asString(location.name) ?? asString(location.address),
    };
  }
  const contact = asObject(message.contactMessage);
  if (contact) {
    const vcard = asString(contact.vcard) ?? "";
    return {
      type: "contact",
      name: asString(contact.displayName) ?? "",
      phone: vcard.match(/waid=(\d+)/)?.[1] ? `+${vcard.match(/waid=(\d+)/)![1]}` : undefined,
    };
  }
  const reaction = asObject(message.reactionMessage);
  if (reaction) {
    return {
      type: "reaction",
      emoji: asString(reaction.text) ?? "",
      targetId: asString(asObject(reaction.key)?.id),
    };
  }
  return null;
}

function upsertEvent(data: Json): WhatsAppEvent {
  const key = asObject(data.key);
  const id = asString(key?.id);
  const phone = phoneOfJid(asString(key?.remoteJid));
  const message = asObject(data.message);
  // Echo's own sends come back as fromMe upserts; they are already in the thread.
  if (!id || !phone || !message || key?.fromMe === true) return { type: "ignored" };
  const content = contentOf(message, asString(message.base64) ?? asString(data.base64));
  if (!content) return { type: "ignored" };
  const timestamp = Number(data.messageTimestamp);
  return {
    type: "message",
    message: {
      providerMessageId: id,
      phone,
      pushName: asString(data.pushName),
      sentAt: Number.isFinite(timestamp) && timestamp > 0 ? timestamp * 1000 : undefined,
      replyToId: quotedIdOf(message),
      content,
    },
  };
}

const STATUSES: Record<string, DeliveryStatus> = {
  PENDING: "sent",
  SERVER_ACK: "sent",
  DELIVERY_ACK: "delivered",
  READ: "read",
  PLAYED: "read",
  ERROR: "failed",
};
/** Baileys' numeric statuses, in order: ERROR, PENDING, SERVER_ACK, DELIVERY_ACK, READ, PLAYED. */
const NUMERIC: readonly DeliveryStatus[] = ["failed", "sent", "sent", "delivered", "read", "read"];

function updateEvent(data: Json): WhatsAppEvent {
  const id = asString(data.keyId) ?? asString(asObject(data.key)?.id) ?? asString(data.messageId);
  const raw = data.status ?? asObject(data.update)?.status;
  const status =
    typeof raw === "string" ? STATUSES[raw] : typeof raw === "number" ? NUMERIC[raw] : undefined;
  if (!id || !status) return { type: "ignored" };
  return { type: "status", providerMessageId: id, status };
}

function connectionEvent(data: Json): WhatsAppEvent {
  const state = asString(data.state);
  const map: Record<string, GatewayState> = {
    open: "connected",
    connecting: "qr",
    close: "disconnected",
  };
  return state && map[state] ? { type: "connection", state: map[state] } : { type: "ignored" };
}

/** The event and the API key the body carries (Evolution puts the instance's key in `apikey`). */
export function parseEvolutionWebhook(body: unknown): { apiKey?: string; event: WhatsAppEvent } {
  const root = asObject(body);
  const data = asObject(root?.data);
  const apiKey = asString(root?.apikey);
  const name = asString(root?.event)?.toLowerCase().replace(/_/g, ".");
  if (!data) return { apiKey, event: { type: "ignored" } };
  switch (name) {
    case "messages.upsert":
      return { apiKey, event: upsertEvent(data) };
    case "messages.update":
      return { apiKey, event: updateEvent(data) };
    case "connection.update":
      return { apiKey, event: connectionEvent(data) };
    case "qrcode.updated":
      return { apiKey, event: { type: "connection", state: "qr" } };
    default:
      return { apiKey, event: { type: "ignored" } };
  }
}
