import { vEntryId } from "@convex-dev/rag";
import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

import { vAttachmentAuthor, vAttachmentKind } from "./lib/attachments/validators";
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
import {
  vEmailKind,
  vEmailStatus,
  vNotificationPreferenceFields,
} from "./lib/notificationValidators";
import { abuseTables } from "./lib/abuse/tables";
import { officeHoursTables } from "./lib/officeHours/tables";
import { triageTables } from "./lib/triage/tables";
import { contactImportTables } from "./lib/contacts/importTables";
import { contactTables } from "./lib/contacts/tables";
import { csatTables } from "./lib/csat/tables";
import { presenceTables } from "./lib/presence/tables";
import { notesTables } from "./lib/notes/tables";
import { cannedResponsesTables } from "./lib/cannedResponses/tables";
import { whatsappTables } from "./lib/whatsapp/tables";
import { contactNoteTables } from "./lib/contacts/noteTables";
import { contactMergeTables } from "./lib/contacts/mergeTables";

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
    /** The contact this visitor is, matched by email or a signed identity. */
    contactId: v.optional(v.id("contacts")),
    /** An operator unlinked this visitor from a wrong match: it is not matched again. */
    contactUnlinked: v.optional(v.boolean()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_expiresAt", ["expiresAt"])
    .index("by_contact", ["contactId"]),

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
    /** Triage (lib/triage): priority rank 1 (low) to 4 (urgent), absent for none. */
    priority: v.optional(v.number()),
    tagIds: v.optional(v.array(v.id("tags"))),
    /** True while snoozed (absent otherwise), so the inbox leaves snoozed ones out by index. */
    snoozed: v.optional(v.boolean()),
    /** When a snoozed conversation comes back by itself; absent = only when the visitor writes. */
    snoozedUntil: v.optional(v.number()),
    /** The operator who resolved it (CSAT and analytics by operator); cleared on reopening. */
    resolverId: v.optional(v.string()),
    /** The contact its visitor is (the session's), kept in step by lib/contacts/conversationContact. */
    contactId: v.optional(v.id("contacts")),
    /** The customer's phone (E.164) on WhatsApp, shown in the contact panel and found by search. */
    contactPhone: v.optional(v.string()),
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
    .index("by_organization_and_snoozed_and_lastMessageAt", [
      "organizationId",
      "snoozed",
      "lastMessageAt",
    ])
    .index("by_organization_and_priority_and_lastMessageAt", [
      "organizationId",
      "priority",
      "lastMessageAt",
    ])
    .index("by_contact_and_lastMessageAt", ["contactId", "lastMessageAt"])
    .index("by_organization_and_channel", ["organizationId", "channel"])
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
    /** Where the admin publishes this file (lib/knowledge/publicUrl.ts): answers cite it. */
    publicUrl: v.optional(v.string()),
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

  /** A file sent in a conversation; the file is in storage, its ownership recorded in `uploads`. */
  attachments: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
    storageId: v.id("_storage"),
    author: vAttachmentAuthor,
    fileName: v.string(),
    contentType: v.string(),
    kind: vAttachmentKind,
    size: v.number(),
    /** The download link is a capability: an <img> or a link cannot present a session. */
    accessKey: v.string(),
    /** The thread message it went out with; unset while it waits in a composer. */
    messageId: v.optional(v.string()),
  }).index("by_conversation_and_messageId", ["conversationId", "messageId"]),

  /** An organization's own attachment size limit, set by admins; the default applies without a row. */
  attachmentSettings: defineTable({
    organizationId: v.string(),
    maxBytes: v.number(),
  }).index("by_organization", ["organizationId"]),
  ...triageTables,
  // Notifications and email (issue 18).
  /** What a member wants to be told about, and how; absent means the defaults in lib/notificationValidators. */
  notificationPreferences: defineTable({
    organizationId: v.string(),
    userId: v.string(),
    ...vNotificationPreferenceFields,
    /** The language of the member's emails (the dashboard's language they chose in Settings). */
    language: v.optional(vLanguage),
  }).index("by_organization_and_user", ["organizationId", "userId"]),

  /** Every email Echo sends, queued by a mutation and delivered by system/email/deliver with retries. */
  outboundEmails: defineTable({
    organizationId: v.string(),
    kind: vEmailKind,
    to: v.string(),
    subject: v.string(),
    text: v.string(),
    html: v.string(),
    conversationId: v.optional(v.id("conversations")),
    status: vEmailStatus,
    attempts: v.number(),
    lastError: v.optional(v.string()),
    sentAt: v.optional(v.number()),
  })
    .index("by_organization", ["organizationId"])
    .index("by_conversation_and_kind", ["conversationId", "kind"]),

  /** Visitors who asked, in the widget, for the conversation's transcript by email when it ends. */
  transcriptRequests: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
  }).index("by_conversation", ["conversationId"]),
  ...contactTables,
  ...contactNoteTables,
  ...officeHoursTables,
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
  ...contactImportTables,
  // CSAT, typing and seen (issue 18).
  ...csatTables,
  ...presenceTables,
  // Private notes with @mentions, and canned responses (issue 18).
  ...notesTables,
  ...cannedResponsesTables,
  ...whatsappTables,
  ...contactMergeTables,
});
