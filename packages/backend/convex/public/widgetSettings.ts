import { v } from "convex/values";

import { query } from "../_generated/server";
import { requireOrganization } from "../lib/organizations";
import { widgetSettingsFor } from "../lib/widgetSettings";
import { models } from "../lib/ai/models";

/** Branding and behaviour of the widget, plus whether answers come from a model or retrieval mode. */
export const get = query({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    await requireOrganization(ctx, organizationId);
    const { logoStorageId, ...settings } = await widgetSettingsFor(ctx, organizationId);
    return {
      ...settings,
      logoUrl: logoStorageId ? await ctx.storage.getUrl(logoStorageId) : null,
      assistantMode: models().mode,
    };
  },
});
