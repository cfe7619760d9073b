import type { DeliveryStatus, InboundMessage, MediaKind, WhatsAppEvent } from "../events";

/**
 * WhatsApp Cloud API webhook bodies → gateway-neutral events. A body is
 * `{ object: "whatsapp_business_account", entry: [{ changes: [{ field: "messages", value }] }] }`
 * and one body can carry several messages and statuses; anything Echo does not act on is left out.
 */

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined;
const asString = (value: unknown): string | undefined =>
  typeof value === "string" && value ? value : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A `wa_id` is the number in international form without the plus. */
export function phoneOfWaId(waId: string | undefined): string | undefined {
  const digits = waId?.replace(/^\+/, "");
  return digits && /^\d{6,15}$/.test(digits) ? `+${digits}` : undefined;
}

const MEDIA: Record<string, MediaKind> = {
  image: "image",
  sticker: "image",
  audio: "audio",
  video: "video",
  document: "document",
};

function contentOf(message: Json): InboundMessage["content"] | null {
  const type = asString(message.type);
  if (!type) return null;
  const body = asObject(message[type]);
  if (type === "text") {
    const text = asString(body?.body);
    return text ? { type: "text", text } : null;
  }
  const kind = MEDIA[type];
  if (kind) {
    const mediaId = asString(body?.id);
    if (!mediaId) return null;
    return {
      type: "media",
      kind,
      mimeType: asString(body?.mime_type)?.split(";")[0]?.trim() ?? "application/octet-stream",
      fileName: asString(body?.filename),
      caption: asString(body?.caption),
      mediaId,
      voiceNote: kind === "audio" && body?.voice === true,
    };
  }
  if (type === "location" && typeof body?.latitude === "number") {
    return {
      type: "location",
      latitude: body.latitude,
      longitude: Number(body.longitude),
      name: asString(body.name) ?? asString(body.address),
    };
  }
  if (type === "contacts") {
    const card = asObject(asArray(message.contacts)[0]);
    if (!card) return null;
    const name = asObject(card.name);
    const phone = asObject(asArray(card.phones)[0]);
    return {
      type: "contact",
      name: asString(name?.formatted_name) ?? asString(name?.first_name) ?? "",
      phone: phoneOfWaId(asString(phone?.wa_id)) ?? asString(phone?.phone),
    };
  }
  if (type === "reaction") {
    return {
      type: "reaction",
      emoji: asString(body?.emoji) ?? "",
      targetId: asString(body?.message_id),
    };
  }
  // A tap on a quick-reply button or list row reads as what it says.
  const tapped =
    type === "button"
      ? asString(body?.text)
      : type === "interactive"
        ? (asString(asObject(body?.button_reply)?.title) ??
          asString(asObject(body?.list_reply)?.title))
        : undefined;
  return tapped ? { type: "text", text: tapped } : null;
}

function messageEvent(message: Json, names: Map<string, string>): WhatsAppEvent | null {
  const id = asString(message.id);
  const from = asString(message.from);
  const phone = phoneOfWaId(from);
  if (!id || !phone) return null;
  const content = contentOf(message);
  if (!content) return null;
  const timestamp = Number(message.timestamp);
  return {
    type: "message",
    message: {
      providerMessageId: id,
      phone,
      pushName: names.get(from!),
      sentAt: Number.isFinite(timestamp) && timestamp > 0 ? timestamp * 1000 : undefined,
      replyToId: asString(asObject(message.context)?.id),
      content,
    },
  };
}

const STATUSES: Record<string, DeliveryStatus> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
};

function statusEvent(status: Json): WhatsAppEvent | null {
  const id = asString(status.id);
  const mapped = STATUSES[asString(status.status) ?? ""];
  if (!id || !mapped) return null;
  const error = asObject(asArray(status.errors)[0]);
  const details = asString(asObject(error?.error_data)?.details);
  const title = asString(error?.title) ?? asString(error?.message);
  const code = typeof error?.code === "number" ? ` (${error.code})` : "";
  const reason = title
    ? `${title}${code}${details && details !== title ? `: ${details}` : ""}`
    : undefined;
  return {
    type: "status",
    providerMessageId: id,
    status: mapped,
    ...(mapped === "failed" && reason ? { reason } : {}),
  };
}

/** Every message and status in the body, in the order Meta listed them. */
export function parseCloudWebhook(body: unknown): WhatsAppEvent[] {
  const events: WhatsAppEvent[] = [];
  for (const entry of asArray(asObject(body)?.entry)) {
    for (const change of asArray(asObject(entry)?.changes)) {
      const value = asObject(asObject(change)?.value);
      if (!value || (asObject(change)?.field ?? "messages") !== "messages") continue;
      const names = new Map<string, string>();
      for (const contact of asArray(value.contacts)) {
        const waId = asString(asObject(contact)?.wa_id);
        const name = asString(asObject(asObject(contact)?.profile)?.name);
        if (waId && name) names.set(waId, name);
      }
      for (const message of asArray(value.messages)) {
        const event = asObject(message) && messageEvent(asObject(message)!, names);
        if (event) events.push(event);
      }
      for (const status of asArray(value.statuses)) {
        const event = asObject(status) && statusEvent(asObject(status)!);
        if (event) events.push(event);
      }
    }
  }
  return events;
}
