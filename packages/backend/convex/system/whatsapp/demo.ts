import { v } from "convex/values";

import { internal } from "../../_generated/api";
import { internalAction, internalQuery } from "../../_generated/server";
import { hashApiKey } from "../../lib/whatsapp/apiKeyHash";
import { connectEvolution } from "../../lib/whatsapp/connect";
import { activeConnection, whatsappWebhookUrl } from "../../lib/whatsapp/connections";
import { evolutionClient } from "../../lib/whatsapp/evolution/client";

export const current = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => await activeConnection(ctx, organizationId),
});

/**
 * The seed's step: connects an organization to an Evolution API server (the local simulator).
 * Rerun against the same instance and key, it keeps the connection and registers its webhook
 * again (the simulator forgets it when it restarts).
 */
export const connect = internalAction({
  args: {
    organizationId: v.string(),
    serverUrl: v.string(),
    instanceName: v.string(),
    apiKey: v.string(),
  },
  handler: async (ctx, { organizationId, ...settings }) => {
    const existing = await ctx.runQuery(internal.system.whatsapp.demo.current, { organizationId });
    if (
      existing?.gateway === "evolution" &&
      existing.serverUrl === settings.serverUrl &&
      existing.instanceName === settings.instanceName &&
      existing.apiKeyHash === (await hashApiKey(settings.apiKey))
    ) {
      const webhookUrl = whatsappWebhookUrl(existing._id);
      await evolutionClient(settings).setWebhook(webhookUrl);
      return { webhookUrl, webhookRegistered: true, reused: true };
    }
    const { webhookUrl, webhookRegistered } = await connectEvolution(
      ctx,
      organizationId,
      { userId: "seed" },
      settings,
    );
    return { webhookUrl, webhookRegistered, reused: false };
  },
});
