import { defineTable } from "convex/server";
import { v } from "convex/values";

import { vDeliveryStatus, vGatewayState, vTemplateSend } from "./events";

const connectionFields = {
  organizationId: v.string(),
  /** Removed connections keep their row so their webhook answers 404 instead of reconnecting. */
  active: v.boolean(),
  state: vGatewayState,
  connectedAt: v.number(),
  connectedBy: v.string(),
};

const evolutionFields = {
  serverUrl: v.string(),
  instanceName: v.string(),
  apiKeyHash: v.string(),
};

/** Meta's ids for the number; the access token and app secret are secrets. */
const cloudFields = {
  phoneNumberId: v.string(),
  businessAccountId: v.string(),
  displayPhoneNumber: v.string(),
  verifiedName: v.optional(v.string()),
  /** Echo's, pasted by the admin into the Meta app's webhook settings (the GET handshake). */
  verifyToken: v.string(),
};

/** What a gateway's connect step found, before Echo adds the common fields. */
export const vGatewayFields = v.union(
  v.object({ gateway: v.literal("evolution"), ...evolutionFields }),
  v.object({ gateway: v.literal("cloud"), ...cloudFields }),
);

/** WhatsApp (issue 19): numbers an organization connected, their customers and every message sent. */
export const whatsappTables = {
  /**
   * One WhatsApp number, through an Evolution API instance or the Cloud API. Its id is in the
   * webhook URL; keys and tokens are in the secrets store, with only an Evolution key's SHA-256
   * here to check webhooks against.
   */
  whatsappConnections: defineTable(
    v.union(
      v.object({ ...connectionFields, gateway: v.literal("evolution"), ...evolutionFields }),
      v.object({ ...connectionFields, gateway: v.literal("cloud"), ...cloudFields }),
    ),
  ).index("by_organization_and_active", ["organizationId", "active"]),

  /** A customer's phone on one connection: the contact and the anchor session their conversations hang on. */
  whatsappChats: defineTable({
    organizationId: v.string(),
    connectionId: v.id("whatsappConnections"),
    /** E.164. */
    phone: v.string(),
    contactId: v.id("contacts"),
    contactSessionId: v.id("contactSessions"),
    /** The customer's last message: the Cloud API's 24-hour window for free-form replies. */
    lastInboundAt: v.optional(v.number()),
  })
    .index("by_connection_and_phone", ["connectionId", "phone"])
    .index("by_contactSession", ["contactSessionId"]),

  /** Every message in or out through a gateway: the replay guard inbound, the outbox outbound. */
  whatsappMessages: defineTable({
    organizationId: v.string(),
    connectionId: v.id("whatsappConnections"),
    conversationId: v.id("conversations"),
    direction: v.union(v.literal("inbound"), v.literal("outbound")),
    /** The gateway's id: known on arrival inbound, after the send outbound. */
    providerMessageId: v.optional(v.string()),
    /** The agent-thread message it is, for the dashboard's status beside each message. */
    threadMessageId: v.optional(v.string()),
    /** Its thread order: the dashboard shows one answer (all its steps) per order. */
    threadOrder: v.optional(v.number()),
    /** Outbound: the WhatsApp-formatted text (one part of a long answer) or a file's caption. */
    text: v.optional(v.string()),
    attachmentId: v.optional(v.id("attachments")),
    /** Outbound on the Cloud API: an approved template, sent outside the 24-hour window. */
    template: v.optional(vTemplateSend),
    part: v.optional(v.number()),
    status: vDeliveryStatus,
    attempts: v.number(),
    /** Outbound: a sender holds it (one at a time per conversation, so parts keep their order). */
    claimedAt: v.optional(v.number()),
    /** Outbound: a retry waits until then (backoff after 429/5xx). */
    notBefore: v.optional(v.number()),
    error: v.optional(v.string()),
  })
    .index("by_connection_and_providerMessageId", ["connectionId", "providerMessageId"])
    .index("by_conversation", ["conversationId"]),
};
