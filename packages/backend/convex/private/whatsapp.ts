import { v } from "convex/values";

import { adminAction, adminMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { requireOrgConversation } from "../lib/operatorConversations";
import { connectCloud as connectCloudNumber } from "../lib/whatsapp/cloud/connect";
import { connectEvolution } from "../lib/whatsapp/connect";
import {
  activeConnection,
  connectionLabel,
  deactivateConnection,
  whatsappWebhookUrl,
} from "../lib/whatsapp/connections";
import type { DeliveryStatus } from "../lib/whatsapp/events";

/**
 * The organization's WhatsApp number for Integrations: never a key, token or hash. The Cloud
 * API's verify token (for the Meta app's webhook settings) is shown to admins only.
 */
export const get = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const connection = await activeConnection(ctx, ctx.operator.orgId);
    if (!connection) return null;
    const common = {
      state: connection.state,
      connectedAt: connection.connectedAt,
      webhookUrl: whatsappWebhookUrl(connection._id, connection.gateway),
    };
    if (connection.gateway === "evolution")
      return {
        ...common,
        gateway: connection.gateway,
        serverUrl: connection.serverUrl,
        instanceName: connection.instanceName,
      };
    return {
      ...common,
      gateway: connection.gateway,
      phoneNumberId: connection.phoneNumberId,
      businessAccountId: connection.businessAccountId,
      displayPhoneNumber: connection.displayPhoneNumber,
      verifiedName: connection.verifiedName ?? null,
      verifyToken: ctx.operator.role === "member" ? null : connection.verifyToken,
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

/** A WhatsApp Cloud API number: Meta's ids, the access token and the app secret. */
export const connectCloud = adminAction({
  args: {
    phoneNumberId: v.string(),
    businessAccountId: v.string(),
    accessToken: v.string(),
    appSecret: v.string(),
  },
  handler: async (ctx, settings): Promise<{ webhookUrl: string; verifyToken: string }> => {
    const { webhookUrl, verifyToken } = await connectCloudNumber(
      ctx,
      ctx.operator.orgId,
      ctx.operator,
      settings,
    );
    return { webhookUrl, verifyToken };
  },
});

export const disconnect = adminMutation({
  args: {},
  handler: async (ctx) => {
    const { operator } = ctx;
    const connection = await activeConnection(ctx, operator.orgId);
    if (!connection) return;
    await deactivateConnection(ctx, connection);
    await recordAudit(ctx, operator, "whatsapp.disconnect", connectionLabel(connection));
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
