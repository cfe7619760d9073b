import { v, type Infer } from "convex/values";

/** Validators shared by the schema and the functions; declared once here. */

export const vConversationStatus = v.union(
  v.literal("unresolved"),
  v.literal("escalated"),
  v.literal("resolved"),
);
export type ConversationStatus = Infer<typeof vConversationStatus>;

export const vChannel = v.union(v.literal("chat"), v.literal("voice"), v.literal("whatsapp"));
export type Channel = Infer<typeof vChannel>;

export const vRole = v.union(v.literal("owner"), v.literal("admin"), v.literal("member"));
export type Role = Infer<typeof vRole>;

/** An operator as the guards hand it over, for internal functions that act on their behalf. */
export const vOperator = v.object({
  userId: v.string(),
  orgId: v.string(),
  role: vRole,
  name: v.optional(v.string()),
  email: v.optional(v.string()),
});

export const vPlan = v.union(v.literal("free"), v.literal("pro"));
export type Plan = Infer<typeof vPlan>;

export const vMessageAuthor = v.union(
  v.literal("contact"),
  v.literal("agent"),
  v.literal("operator"),
);
export type MessageAuthor = Infer<typeof vMessageAuthor>;

export const vResolvedBy = v.union(v.literal("agent"), v.literal("operator"), v.literal("contact"));

/** What the widget learns about the visitor's browser; the host page's URL comes from the embed. */
export const vContactMetadata = v.object({
  userAgent: v.optional(v.string()),
  languages: v.optional(v.array(v.string())),
  timezone: v.optional(v.string()),
  timezoneOffset: v.optional(v.number()),
  platform: v.optional(v.string()),
  screenResolution: v.optional(v.string()),
  viewportSize: v.optional(v.string()),
  referrer: v.optional(v.string()),
  currentUrl: v.optional(v.string()),
  pageTitle: v.optional(v.string()),
  country: v.optional(v.string()),
});
export type ContactMetadata = Infer<typeof vContactMetadata>;

export const vWidgetPosition = v.union(v.literal("bottom-right"), v.literal("bottom-left"));
export const vLanguage = v.union(v.literal("en"), v.literal("pt-BR"));

/** The widget's greeting and suggested questions in one language. */
export const vWidgetCopy = v.object({
  language: vLanguage,
  greeting: v.string(),
  suggestions: v.array(v.string()),
});
export type WidgetCopy = Infer<typeof vWidgetCopy>;

export const vWidgetSettingsFields = {
  /** In the default language; `translations` holds the others. */
  greeting: v.string(),
  suggestions: v.array(v.string()),
  translations: v.optional(v.array(vWidgetCopy)),
  colors: v.object({ primary: v.string(), background: v.string(), text: v.string() }),
  logoStorageId: v.optional(v.id("_storage")),
  position: vWidgetPosition,
  defaultLanguage: vLanguage,
  voice: v.object({
    enabled: v.boolean(),
    assistantId: v.optional(v.string()),
    phoneNumber: v.optional(v.string()),
  }),
};

export const vKnowledgeFileStatus = v.union(
  v.literal("processing"),
  v.literal("ready"),
  v.literal("failed"),
);

export const vPluginService = v.literal("vapi");
export type PluginService = Infer<typeof vPluginService>;
export const vPluginState = v.union(
  v.literal("connected"),
  v.literal("disconnected"),
  v.literal("error"),
);

export const vSubscriptionStatus = v.union(
  v.literal("active"),
  v.literal("trialing"),
  v.literal("past_due"),
  v.literal("canceled"),
);

/** A secret sealed under the master key: the data key wrapped by it, the value by the data key. */
export const vSealedSecretFields = {
  /** Fingerprint of the master key that wrapped the data key. */
  keyId: v.string(),
  wrapIv: v.string(),
  wrappedKey: v.string(),
  iv: v.string(),
  ciphertext: v.string(),
};
export const vSealedSecret = v.object(vSealedSecretFields);
export type SealedSecret = Infer<typeof vSealedSecret>;

export const vVoiceCall = v.object({
  callId: v.string(),
  summary: v.optional(v.string()),
  transcript: v.optional(v.string()),
  recordingUrl: v.optional(v.string()),
  endedReason: v.optional(v.string()),
  durationSeconds: v.optional(v.number()),
  customerNumber: v.optional(v.string()),
});
export type VoiceCall = Infer<typeof vVoiceCall>;

/** Longest chat message either side may send. */
export const MAX_MESSAGE_CHARS = 4000;
