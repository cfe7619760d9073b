import { v } from "convex/values";

import { hasPremium } from "../lib/plans";
import { requireOrganization } from "../lib/organizations";
import { pluginRow } from "../lib/plugins";
import { publicQuery } from "../lib/functions";
import { widgetSettingsFor } from "../lib/widgetSettings";

/**
 * The voice settings the widget may see: Vapi's public key (for @vapi-ai/web) only while voice is
 * connected and enabled; the private key and webhook secret never leave the backend.
 */
export const getConfig = publicQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    await requireOrganization(ctx, organizationId);
    const plugin = await pluginRow(ctx, organizationId, "vapi");
    const { voice } = await widgetSettingsFor(ctx, organizationId);
    const connected = plugin?.state === "connected";
    const enabled = connected && voice.enabled && (await hasPremium(ctx, organizationId));
    return {
      connected,
      enabled,
      assistantId: enabled ? (voice.assistantId ?? null) : null,
      phoneNumber: enabled ? (voice.phoneNumber ?? null) : null,
      publicKey: enabled ? (plugin?.publicKey ?? null) : null,
    };
  },
});
