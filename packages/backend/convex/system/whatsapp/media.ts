import { v } from "convex/values";

import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import { internalAction, internalQuery } from "../../_generated/server";
import { decodeBase64 } from "../../lib/whatsapp/base64";
import { whatsappApiKeySecret } from "../../lib/whatsapp/connections";
import { evolutionClient } from "../../lib/whatsapp/evolution/client";

/** Where a connection's gateway is, for fetching a file it did not send inline. */
export const gatewayOf = internalQuery({
  args: { connectionId: v.id("whatsappConnections") },
  handler: async (ctx, { connectionId }) => {
    const connection = await ctx.db.get(connectionId);
    if (!connection?.active || connection.gateway !== "evolution") return null;
    const { organizationId, serverUrl, instanceName } = connection;
    return { organizationId, serverUrl, instanceName };
  },
});

/**
 * A customer's file that came without its base64 (Evolution's webhook base64 off, or a file too
 * large for it): fetched through the instance's getBase64FromMediaMessage and stored. Null when
 * it cannot be had; the message is then kept with a "media unavailable" note.
 */
export const downloadEvolutionMedia = internalAction({
  args: {
    connectionId: v.id("whatsappConnections"),
    providerMessageId: v.string(),
    mimeType: v.string(),
  },
  handler: async (
    ctx,
    { connectionId, providerMessageId, mimeType },
  ): Promise<Id<"_storage"> | null> => {
    const gateway = await ctx.runQuery(internal.system.whatsapp.media.gatewayOf, { connectionId });
    if (!gateway) return null;
    const apiKey: string | null = await ctx.runAction(internal.system.secrets.secrets.read, {
      organizationId: gateway.organizationId,
      name: whatsappApiKeySecret(connectionId),
    });
    if (!apiKey) return null;
    try {
      const media = await evolutionClient({ ...gateway, apiKey }).mediaBase64(providerMessageId);
      const bytes = decodeBase64(media.base64);
      if (!bytes?.length) throw new Error("The media was not base64");
      return await ctx.storage.store(new Blob([bytes], { type: mimeType }));
    } catch (error) {
      console.error("WhatsApp media download failed", {
        connectionId,
        providerMessageId,
        error: String(error),
      });
      return null;
    }
  },
});
