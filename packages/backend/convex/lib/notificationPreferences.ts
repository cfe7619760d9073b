import type { Language } from "./email/copy";
import type { QueryCtx } from "../_generated/server";
import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  type NotificationPreferences,
} from "./notificationValidators";

type Db = Pick<QueryCtx, "db">;

export async function findNotificationPreferences(ctx: Db, organizationId: string, userId: string) {
  return await ctx.db
    .query("notificationPreferences")
    .withIndex("by_organization_and_user", (q) =>
      q.eq("organizationId", organizationId).eq("userId", userId),
    )
    .unique();
}

export async function notificationPreferencesOf(
  ctx: Db,
  organizationId: string,
  userId: string,
): Promise<NotificationPreferences> {
  const row = await findNotificationPreferences(ctx, organizationId, userId);
  if (!row) return DEFAULT_NOTIFICATION_PREFERENCES;
  const { emailOnEscalation, browserOnEscalation, browserOnAssignedMessage, sound } = row;
  return {
    emailOnEscalation,
    browserOnEscalation,
    browserOnAssignedMessage,
    sound,
    emailOnMention: row.emailOnMention ?? false,
  };
}

/** Members of the organization who asked for escalations by email, with their addresses. */
export async function escalationEmailRecipients(ctx: Db, organizationId: string) {
  const rows = await ctx.db
    .query("notificationPreferences")
    .withIndex("by_organization_and_user", (q) => q.eq("organizationId", organizationId))
    .collect();
  const recipients: { userId: string; email: string; language?: Language }[] = [];
  for (const row of rows) {
    if (!row.emailOnEscalation) continue;
    const member = await ctx.db
      .query("members")
      .withIndex("by_organization_and_user", (q) =>
        q.eq("organizationId", organizationId).eq("userId", row.userId),
      )
      .unique();
    if (!member) continue;
    const user = await ctx.db
      .query("users")
      .withIndex("by_externalId", (q) => q.eq("externalId", row.userId))
      .unique();
    if (user?.email)
      recipients.push({ userId: row.userId, email: user.email, language: row.language });
  }
  return recipients;
}
