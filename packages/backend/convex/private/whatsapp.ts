import { v } from "convex/values";

import { adminAction, adminMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { requireOrgConversation } from "../lib/operatorConversations";
import { connectEvolution } from "../lib/whatsapp/connect";
import {
  activeConnection,
  deactivateConnection,
  whatsappWebhookUrl,
} from "../lib/whatsapp/connections";
import type { DeliveryStatus } from "../lib/whatsapp/events";

/** The organization's WhatsApp number for Integrations: never its API key or the key's hash. */
export const get = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const connection = await activeConnection(ctx, ctx.operator.orgId);
    if (!connection) return null;
    return {
      gateway: connection.gateway,
      serverUrl: connection.serverUrl,
      instanceName: connection.instanceName,
      state: connection.state,
      connectedAt: connection.connectedAt,
      webhookUrl: whatsappWebhookUrl(connection._id),
    };
  },
});

export const connect = adminAction({
  args: { serverUrl: v.string(), instanceName: v.string(), apiKey: v.string() },
  handler: async (ctx, settings): Promise<{ webhookUrl: string; webhookRegistered: boolean }> => {
    const { webhookUrl, webhookRegistered } = await connectEvolution(
      ctx,
      ctx.operator.orgId,
      ctx.operator,
      settings,
    );
    return { webhookUrl, webhookRegistered };
  },
});

export const disconnect = adminMutation({
  args: {},
  handler: async (ctx) => {
    const { operator } = ctx;
    const connection = await activeConnection(ctx, operator.orgId);
    if (!connection) return;
    await deactivateConnection(ctx, connection);
    await recordAudit(ctx, operator, "whatsapp.disconnect", connection.instanceName);
  },
});

const SHOWN_FIRST: DeliveryStatus[] = ["failed", "queued", "sent", "delivered", "read"];

/**
 * Delivery status of each answer sent to the customer's phone, by thread order (one answer, all
 * its steps): an answer in several parts (or with files) shows its least advanced part, and a
 * failure with its reason.
 */
export const deliveries = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    const rows = await ctx.db
      .query("whatsappMessages")
      .withIndex("by_conversation", (q) => q.eq("conversationId", conversation._id))
      .collect();
    const byOrder = new Map<number, { status: DeliveryStatus; error?: string }>();
    for (const row of rows) {
      if (row.direction !== "outbound" || row.threadOrder === undefined) continue;
      const shown = byOrder.get(row.threadOrder);
      if (!shown || SHOWN_FIRST.indexOf(row.status) < SHOWN_FIRST.indexOf(shown.status))
        byOrder.set(row.threadOrder, {
          status: row.status,
          ...(row.error ? { error: row.error } : {}),
        });
    }
    return [...byOrder].map(([order, delivery]) => ({ order, ...delivery }));
  },
});
