import { defineTable } from "convex/server";
import { v } from "convex/values";

import { vDeliveryStatus, vGatewayState } from "./events";

/** WhatsApp (issue 19): numbers an organization connected, their customers and every message sent. */
export const whatsappTables = {
  /**
   * One gateway instance (a WhatsApp number). Its id is in the webhook URL; the API key is in the
   * secrets store, with only its SHA-256 here to check webhooks against.
   */
  whatsappConnections: defineTable({
    organizationId: v.string(),
    gateway: v.literal("evolution"),
    serverUrl: v.string(),
    instanceName: v.string(),
    apiKeyHash: v.string(),
    /** Removed connections keep their row so their webhook answers 404 instead of reconnecting. */
    active: v.boolean(),
    state: vGatewayState,
    connectedAt: v.number(),
    connectedBy: v.string(),
  }).index("by_organization_and_active", ["organizationId", "active"]),

  /** A customer's phone on one connection: the contact and the anchor session their conversations hang on. */
  whatsappChats: defineTable({
    organizationId: v.string(),
    connectionId: v.id("whatsappConnections"),
    /** E.164. */
    phone: v.string(),
    contactId: v.id("contacts"),
    contactSessionId: v.id("contactSessions"),
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
