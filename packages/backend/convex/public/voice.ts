import { v } from "convex/values";

import { query } from "../_generated/server";
import { hasPremium } from "../lib/plans";
import { requireOrganization } from "../lib/organizations";
import { widgetSettingsFor } from "../lib/widgetSettings";

/** The voice settings the widget may see; secrets stay server-side, only "connected" leaks out. */
export const getConfig = query({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    await requireOrganization(ctx, organizationId);
    const plugin = await ctx.db
      .query("plugins")
      .withIndex("by_organization_and_service", (q) =>
        q.eq("organizationId", organizationId).eq("service", "vapi"),
      )
      .unique();
    const { voice } = await widgetSettingsFor(ctx, organizationId);
    const connected = plugin?.state === "connected";
    const enabled = connected && voice.enabled && (await hasPremium(ctx, organizationId));
    return {
      connected,
      enabled,
      assistantId: enabled ? (voice.assistantId ?? null) : null,
      phoneNumber: enabled ? (voice.phoneNumber ?? null) : null,
    };
  },
});
