import { v, type Infer } from "convex/values";

/** What a WhatsApp gateway (Evolution API or the Cloud API) tells Echo, once normalized. */

export const vDeliveryStatus = v.union(
  v.literal("queued"),
  v.literal("sent"),
  v.literal("delivered"),
  v.literal("read"),
  v.literal("failed"),
);
export type DeliveryStatus = Infer<typeof vDeliveryStatus>;

/** The gateway's session with WhatsApp: a QR code to scan, linked, or logged out. */
export const vGatewayState = v.union(
  v.literal("unknown"),
  v.literal("qr"),
  v.literal("connected"),
  v.literal("disconnected"),
);
export type GatewayState = Infer<typeof vGatewayState>;

export const vMediaKind = v.union(
  v.literal("image"),
  v.literal("audio"),
  v.literal("video"),
  v.literal("document"),
);
export type MediaKind = Infer<typeof vMediaKind>;

export const vInboundContent = v.union(
  v.object({ type: v.literal("text"), text: v.string() }),
  v.object({
    type: v.literal("media"),
    kind: vMediaKind,
    mimeType: v.string(),
    fileName: v.optional(v.string()),
    caption: v.optional(v.string()),
    /** Dropped before the mutation: the HTTP action stores the file and passes its storage id. */
    base64: v.optional(v.string()),
    /** Dropped too: the Cloud API's media id, fetched with the access token. */
    mediaId: v.optional(v.string()),
    voiceNote: v.boolean(),
  }),
  v.object({
    type: v.literal("location"),
    latitude: v.number(),
    longitude: v.number(),
    name: v.optional(v.string()),
  }),
  v.object({ type: v.literal("contact"), name: v.string(), phone: v.optional(v.string()) }),
  v.object({ type: v.literal("reaction"), emoji: v.string(), targetId: v.optional(v.string()) }),
);

export const vInboundMessage = v.object({
  providerMessageId: v.string(),
  /** E.164. */
  phone: v.string(),
  pushName: v.optional(v.string()),
  sentAt: v.optional(v.number()),
  replyToId: v.optional(v.string()),
  content: vInboundContent,
});
export type InboundMessage = Infer<typeof vInboundMessage>;

export type WhatsAppEvent =
  | { type: "message"; message: InboundMessage }
  | { type: "status"; providerMessageId: string; status: DeliveryStatus; reason?: string }
  | { type: "connection"; state: GatewayState }
  | { type: "ignored" };

/** A Cloud API message template and its body's `{{n}}` values, in order. */
export const vTemplateSend = v.object({
  name: v.string(),
  language: v.string(),
  parameters: v.array(v.string()),
});
export type TemplateSend = Infer<typeof vTemplateSend>;
