import { v } from "convex/values";

import { internalMutation, internalQuery } from "../../_generated/server";
import { recordAudit } from "../../lib/audit";
import { activeConnection } from "../../lib/whatsapp/connections";
import { vDeliveryStatus, vGatewayState, type DeliveryStatus } from "../../lib/whatsapp/events";
import { providerRow } from "../../lib/whatsapp/messages";
import { vOperator } from "../../lib/validators";

/** What the webhook route needs to check a request; null for an id that names no connection. */
export const forWebhook = internalQuery({
  args: { connectionId: v.string() },
  handler: async (ctx, { connectionId }) => {
    const id = ctx.db.normalizeId("whatsappConnections", connectionId);
    const connection = id ? await ctx.db.get(id) : null;
    if (!connection) return null;
    return { _id: connection._id, active: connection.active, apiKeyHash: connection.apiKeyHash };
  },
});

/** A connection whose API key the gateway accepted; it becomes active once its key is stored. */
export const create = internalMutation({
  args: {
    organizationId: v.string(),
    actorId: v.string(),
    serverUrl: v.string(),
    instanceName: v.string(),
    apiKeyHash: v.string(),
    state: vGatewayState,
  },
  handler: async (ctx, { actorId, ...fields }) =>
    await ctx.db.insert("whatsappConnections", {
      ...fields,
      gateway: "evolution",
      active: false,
      connectedAt: Date.now(),
      connectedBy: actorId,
    }),
});

/** Makes the connection the organization's number; returns the ones it replaced (their keys go). */
export const activate = internalMutation({
  args: { connectionId: v.id("whatsappConnections"), operator: v.optional(vOperator) },
  handler: async (ctx, { connectionId, operator }) => {
    const connection = await ctx.db.get(connectionId);
    if (!connection) return [];
    const replaced = [];
    for (;;) {
      const previous = await activeConnection(ctx, connection.organizationId);
      if (!previous) break;
      await ctx.db.patch(previous._id, { active: false, state: "disconnected" });
      replaced.push(previous._id);
    }
    await ctx.db.patch(connectionId, { active: true });
    if (operator) await recordAudit(ctx, operator, "whatsapp.connect", connection.instanceName);
    return replaced;
  },
});

export const setState = internalMutation({
  args: { connectionId: v.id("whatsappConnections"), state: vGatewayState },
  handler: async (ctx, { connectionId, state }) => {
    const connection = await ctx.db.get(connectionId);
    if (connection?.active) await ctx.db.patch(connectionId, { state });
  },
});

const PROGRESS: Record<DeliveryStatus, number> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 4,
};

/** A delivery receipt; receipts arrive out of order, so a status never goes back. */
export const applyStatus = internalMutation({
  args: {
    connectionId: v.id("whatsappConnections"),
    providerMessageId: v.string(),
    status: vDeliveryStatus,
    reason: v.optional(v.string()),
  },
  handler: async (ctx, { connectionId, providerMessageId, status, reason }) => {
    const row = await providerRow(ctx, connectionId, providerMessageId);
    if (!row || row.direction !== "outbound") return false;
    if (PROGRESS[status] <= PROGRESS[row.status] || row.status === "read") return false;
    await ctx.db.patch(row._id, {
      status,
      ...(status === "failed" ? { error: reason ?? "WhatsApp did not deliver the message" } : {}),
    });
    return true;
  },
});
