import { v } from "convex/values";

import { internalMutation, internalQuery } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { pluginRow, VAPI_SECRETS } from "../lib/plugins";
import { vOperator } from "../lib/validators";

export const vapiConnected = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) =>
    (await pluginRow(ctx, organizationId, "vapi"))?.state === "connected",
});

/** Called once both keys were accepted by Vapi and stored in the secrets module. */
export const markVapiConnected = internalMutation({
  args: { operator: vOperator, publicKey: v.string(), webhookSecret: v.boolean() },
  handler: async (ctx, { operator, publicKey, webhookSecret }) => {
    const fields = {
      state: "connected" as const,
      secretRef: VAPI_SECRETS.privateKey,
      publicKey,
      connectedAt: Date.now(),
    };
    const plugin = await pluginRow(ctx, operator.orgId, "vapi");
    if (plugin) await ctx.db.patch(plugin._id, fields);
    else
      await ctx.db.insert("plugins", {
        organizationId: operator.orgId,
        service: "vapi",
        ...fields,
      });
    await recordAudit(ctx, operator, "plugin.connect", "vapi", { webhookSecret });
  },
});
