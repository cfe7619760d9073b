import type { QueryCtx } from "../_generated/server";
import type { PluginService } from "./validators";

/** The names an organization's plugin secrets are stored under. */
export const VAPI_SECRETS = {
  privateKey: "vapi.privateKey",
  webhookSecret: "vapi.webhookSecret",
} as const;

export async function pluginRow(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  service: PluginService,
) {
  return await ctx.db
    .query("plugins")
    .withIndex("by_organization_and_service", (q) =>
      q.eq("organizationId", organizationId).eq("service", service),
    )
    .unique();
}
