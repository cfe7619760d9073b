import { v } from "convex/values";

import { internalMutation, internalQuery } from "../../_generated/server";
import { recordAudit } from "../../lib/audit";
import { activeConnection, connectionLabel } from "../../lib/whatsapp/connections";
import { vGatewayFields } from "../../lib/whatsapp/tables";
import { vDeliveryStatus, vGatewayState, type DeliveryStatus } from "../../lib/whatsapp/events";
import { providerRow } from "../../lib/whatsapp/messages";
import { vOperator } from "../../lib/validators";

/** What the webhook routes need to check a request; null for an id that names no connection. */
export const forWebhook = internalQuery({
  args: { connectionId: v.string() },
  handler: async (ctx, { connectionId }) => {
    const id = ctx.db.normalizeId("whatsappConnections", connectionId);
    const connection = id ? await ctx.db.get(id) : null;
    if (!connection) return null;
    const { _id, organizationId, active } = connection;
    return connection.gateway === "evolution"
      ? {
          _id,
          organizationId,
          active,
          gateway: connection.gateway,
          apiKeyHash: connection.apiKeyHash,
        }
      : {
          _id,
          organizationId,
          active,
          gateway: connection.gateway,
          verifyToken: connection.verifyToken,
          phoneNumberId: connection.phoneNumberId,
          businessAccountId: connection.businessAccountId,
        };
  },
});

/** A connection whose credentials the gateway accepted; it becomes active once they are stored. */
export const create = internalMutation({
  args: {
    organizationId: v.string(),
    actorId: v.string(),
    state: vGatewayState,
    fields: vGatewayFields,
  },
  handler: async (ctx, { actorId, organizationId, state, fields }) =>
    await ctx.db.insert("whatsappConnections", {
      ...fields,
      organizationId,
      state,
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
    if (operator) await recordAudit(ctx, operator, "whatsapp.connect", connectionLabel(connection));
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

/** The organization's Cloud API number, for listing its templates; null on Evolution or none. */
export const cloudNumber = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    const connection = await activeConnection(ctx, organizationId);
    if (connection?.gateway !== "cloud") return null;
    return {
      connectionId: connection._id,
      phoneNumberId: connection.phoneNumberId,
      businessAccountId: connection.businessAccountId,
    };
  },
});
