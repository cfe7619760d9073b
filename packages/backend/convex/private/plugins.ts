import type { Infer } from "convex/values";

import { mutation, query, type QueryCtx } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { requireAdmin, requireOperator } from "../lib/identity";
import { vPluginService } from "../lib/validators";

async function pluginRow(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  service: Infer<typeof vPluginService>,
) {
  return await ctx.db
    .query("plugins")
    .withIndex("by_organization_and_service", (q) =>
      q.eq("organizationId", organizationId).eq("service", service),
    )
    .unique();
}

/** A plugin's state for the dashboard: "configured" or not, never the secret or its reference. */
export const get = query({
  args: { service: vPluginService },
  handler: async (ctx, { service }) => {
    const { orgId } = await requireOperator(ctx);
    const plugin = await pluginRow(ctx, orgId, service);
    return {
      service,
      state: plugin?.state ?? "disconnected",
      configured: Boolean(plugin?.secretRef),
    };
  },
});

/** Forgets the plugin's secret reference; deleting the secret itself belongs to the secrets module. */
export const disconnect = mutation({
  args: { service: vPluginService },
  handler: async (ctx, { service }) => {
    const operator = await requireAdmin(ctx);
    const plugin = await pluginRow(ctx, operator.orgId, service);
    if (!plugin) return;
    await ctx.db.patch(plugin._id, { state: "disconnected", secretRef: undefined });
    await recordAudit(ctx, operator, "plugin.disconnect", service);
  },
});
