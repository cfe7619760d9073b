import { v, type Infer } from "convex/values";

export const vEmailKind = v.union(
  v.literal("escalation"),
  v.literal("transcript"),
  v.literal("operatorReply"),
  v.literal("mention"),
);
export type EmailKind = Infer<typeof vEmailKind>;

export const vEmailStatus = v.union(
  v.literal("queued"),
  v.literal("sent"),
  v.literal("failed"),
  v.literal("notConfigured"),
);

/** Per event, by email and in the browser; `sound` plays with browser notifications. */
export const vNotificationPreferenceFields = {
  emailOnEscalation: v.boolean(),
  browserOnEscalation: v.boolean(),
  browserOnAssignedMessage: v.boolean(),
  sound: v.boolean(),
  /** Optional: rows saved before mentions existed read as the default. */
  emailOnMention: v.optional(v.boolean()),
};
export const vNotificationPreferences = v.object(vNotificationPreferenceFields);
export type NotificationPreferences = Infer<typeof vNotificationPreferences>;

/** Email is opt-in; the browser asks the permission only when the member clicks to allow it. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  emailOnEscalation: false,
  browserOnEscalation: true,
  browserOnAssignedMessage: true,
  sound: false,
  emailOnMention: false,
};
