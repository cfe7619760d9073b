import { v } from "convex/values";

import { requireOrganization } from "../lib/organizations";
import { publicQuery } from "../lib/functions";
import { widgetSettingsFor } from "../lib/widgetSettings";
import { models } from "../lib/ai/models";

/** Branding and behaviour of the widget, plus whether answers come from a model or retrieval mode. */
export const get = publicQuery({
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
