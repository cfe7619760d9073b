import { vEntryId } from "@convex-dev/rag";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

import {
  vChannel,
  vContactMetadata,
  vConversationStatus,
  vKnowledgeFileStatus,
  vLanguage,
  vMessageAuthor,
  vPlan,
  vPluginService,
  vPluginState,
  vResolvedBy,
  vRole,
  vSealedSecretFields,
  vSubscriptionStatus,
  vVoiceCall,
  vWidgetSettingsFields,
} from "./lib/validators";
import { abuseTables } from "./lib/abuse/tables";

/**
 * Every tenant-owned table carries `organizationId`: the organization's public id (Clerk's or
 * Better Auth's org id), which is also what identities carry in `org_id` and the widget passes.
 */
export default defineSchema({
  organizations: defineTable({
    externalId: v.string(),
    name: v.string(),
    slug: v.string(),
    plan: vPlan,
  })
    .index("by_externalId", ["externalId"])
    .index("by_slug", ["slug"]),

  /** Operators as the identity provider knows them, kept by its webhook (Clerk or Better Auth). */
  users: defineTable({
    externalId: v.string(),
    name: v.string(),
    email: v.optional(v.string()),
    imageUrl: v.optional(v.string()),
  }).index("by_externalId", ["externalId"]),

  /** Who belongs to which organization, with their role; kept by the identity webhook. */
  members: defineTable({
    organizationId: v.string(),
    userId: v.string(),
    role: vRole,
  })
    .index("by_organization_and_user", ["organizationId", "userId"])
    .index("by_user", ["userId"]),

  organizationSettings: defineTable({
    organizationId: v.string(),
    allowedDomains: v.array(v.string()),
    agentInstructions: v.optional(v.string()),
  }).index("by_organization", ["organizationId"]),

  contactSessions: defineTable({
    organizationId: v.string(),
    name: v.string(),
    email: v.string(),
    expiresAt: v.number(),
    metadata: v.optional(vContactMetadata),
    /** The rate-limit key of the address the session was created from (lib/abuse/clientAddress). */
    clientKey: v.optional(v.string()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_expiresAt", ["expiresAt"]),

  conversations: defineTable({
    organizationId: v.string(),
    contactSessionId: v.id("contactSessions"),
    contactName: v.string(),
    contactEmail: v.string(),
    threadId: v.string(),
    status: vConversationStatus,
    channel: vChannel,
    assigneeId: v.optional(v.string()),
    lastMessageAt: v.number(),
    lastMessage: v.optional(v.object({ text: v.string(), author: vMessageAuthor })),
    unreadByOperator: v.number(),
    unreadByContact: v.number(),
    knowledgeMisses: v.number(),
    /** The language the visitor last wrote in clearly; replies fall back to it. */
    language: v.optional(vLanguage),
    escalatedAt: v.optional(v.number()),
    firstHumanReplyAt: v.optional(v.number()),
    firstHumanReplyBy: v.optional(v.string()),
    resolvedAt: v.optional(v.number()),
    resolvedBy: v.optional(vResolvedBy),
    /** A voice conversation's call, as Vapi's end-of-call report describes it. */
    voiceCall: v.optional(vVoiceCall),
    /** Contact name, email and latest message, for the inbox's text filter. */
    searchText: v.string(),
  })
    .index("by_thread", ["threadId"])
    .index("by_organization", ["organizationId"])
    .index("by_organization_and_lastMessageAt", ["organizationId", "lastMessageAt"])
    .index("by_organization_and_status_and_lastMessageAt", [
      "organizationId",
      "status",
      "lastMessageAt",
    ])
    .index("by_organization_and_assignee_and_lastMessageAt", [
      "organizationId",
      "assigneeId",
      "lastMessageAt",
    ])
    .index("by_contactSession_and_lastMessageAt", ["contactSessionId", "lastMessageAt"])
    .index("by_lastMessageAt", ["lastMessageAt"])
    .searchIndex("search_text", {
      searchField: "searchText",
      filterFields: ["organizationId", "status", "assigneeId"],
    }),

  /** An opaque, read-only handle on one contact session's unread count, for the embed's launcher. */
  unreadTokens: defineTable({
    organizationId: v.string(),
    contactSessionId: v.id("contactSessions"),
    token: v.string(),
  })
    .index("by_token", ["token"])
    .index("by_contactSession", ["contactSessionId"]),

  widgetSettings: defineTable({
    organizationId: v.string(),
    ...vWidgetSettingsFields,
  }).index("by_organization", ["organizationId"]),

  knowledgeFiles: defineTable({
    organizationId: v.string(),
    name: v.string(),
    mimeType: v.string(),
    size: v.number(),
    storageId: v.optional(v.id("_storage")),
    status: vKnowledgeFileStatus,
    error: v.optional(v.string()),
    ragEntryId: v.optional(vEntryId),
    uploadedBy: v.string(),
    /** Set by the seed so reruns find their own documents. */
    seedKey: v.optional(v.string()),
    /** The ingestion that indexed it (lib/knowledge/indexDocument.ts); older ones are re-indexed. */
    ingestionVersion: v.optional(v.number()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_ingestionVersion", ["ingestionVersion"])
    .index("by_organization_and_seedKey", ["organizationId", "seedKey"])
    .index("by_storageId", ["storageId"]),

  /**
   * Which organization each stored file belongs to: a row per upload URL handed out, given the
   * file's storage id when the organization claims what it uploaded.
   */
  uploads: defineTable({
    organizationId: v.string(),
    storageId: v.optional(v.id("_storage")),
  })
    .index("by_storageId", ["storageId"])
    .index("by_organization_and_storageId", ["organizationId", "storageId"]),

  plugins: defineTable({
    organizationId: v.string(),
    service: vPluginService,
    state: vPluginState,
    secretRef: v.optional(v.string()),
    /** Vapi's public key is meant for browsers (@vapi-ai/web); the private key is a secret. */
    publicKey: v.optional(v.string()),
    connectedAt: v.optional(v.number()),
  }).index("by_organization_and_service", ["organizationId", "service"]),

  /** Local-mode organization secrets: AES-256-GCM envelopes, never returned to a client. */
  secrets: defineTable({
    organizationId: v.string(),
    name: v.string(),
    ...vSealedSecretFields,
  }).index("by_organization_and_name", ["organizationId", "name"]),

  subscriptions: defineTable({
    organizationId: v.string(),
    plan: vPlan,
    status: vSubscriptionStatus,
    externalId: v.string(),
    currentPeriodEnd: v.optional(v.number()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_externalId", ["externalId"]),

  auditLog: defineTable({
    organizationId: v.string(),
    actorId: v.string(),
    actorName: v.optional(v.string()),
    action: v.string(),
    target: v.optional(v.string()),
    details: v.optional(v.record(v.string(), v.union(v.string(), v.number(), v.boolean()))),
  }).index("by_organization", ["organizationId"]),

  ...abuseTables,

  webhookEvents: defineTable({
    provider: v.string(),
    eventId: v.string(),
    type: v.string(),
  }).index("by_provider_and_eventId", ["provider", "eventId"]),

  /** An agent answer an operator flagged as wrong, with the question, so the knowledge base can be fixed. */
  answerFlags: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
    /** The thread order of the question and its answer. */
    order: v.number(),
    question: v.string(),
    answer: v.string(),
    flaggedBy: v.string(),
    flaggedByName: v.optional(v.string()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_conversation_and_order", ["conversationId", "order"]),
});
