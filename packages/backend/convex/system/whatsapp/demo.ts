import { v } from "convex/values";

import { internalAction } from "../../_generated/server";
import { connectEvolution } from "../../lib/whatsapp/connect";

/** The seed's step: connects an organization to an Evolution API server (the local simulator). */
export const connect = internalAction({
  args: {
    organizationId: v.string(),
    serverUrl: v.string(),
    instanceName: v.string(),
    apiKey: v.string(),
  },
  handler: async (ctx, { organizationId, ...settings }) => {
    const { webhookUrl, webhookRegistered } = await connectEvolution(
      ctx,
      organizationId,
      { userId: "seed" },
      settings,
    );
    return { webhookUrl, webhookRegistered };
  },
});
