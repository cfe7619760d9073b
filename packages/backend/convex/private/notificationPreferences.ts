import { v } from "convex/values";

import { operatorMutation, operatorQuery } from "../lib/functions";
import {
  findNotificationPreferences,
  notificationPreferencesOf,
} from "../lib/notificationPreferences";
import { vNotificationPreferenceFields } from "../lib/notificationValidators";
import { vLanguage } from "../lib/validators";

/** The signed-in member's own notification preferences in their organization. */
export const get = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId, userId } = ctx.operator;
    const row = await findNotificationPreferences(ctx, orgId, userId);
    return {
      ...(await notificationPreferencesOf(ctx, orgId, userId)),
      language: row?.language ?? null,
    };
  },
});

export const update = operatorMutation({
  args: {
    emailOnEscalation: v.optional(vNotificationPreferenceFields.emailOnEscalation),
    browserOnEscalation: v.optional(vNotificationPreferenceFields.browserOnEscalation),
    browserOnAssignedMessage: v.optional(vNotificationPreferenceFields.browserOnAssignedMessage),
    sound: v.optional(vNotificationPreferenceFields.sound),
    emailOnMention: vNotificationPreferenceFields.emailOnMention,
    language: v.optional(vLanguage),
  },
  handler: async (ctx, changes) => {
    const { orgId, userId } = ctx.operator;
    const row = await findNotificationPreferences(ctx, orgId, userId);
    const defined = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    );
    if (row) await ctx.db.patch(row._id, defined);
    else
      await ctx.db.insert("notificationPreferences", {
        organizationId: orgId,
        userId,
        ...(await notificationPreferencesOf(ctx, orgId, userId)),
        ...defined,
      });
  },
});
