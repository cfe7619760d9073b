import type { QueryCtx } from "../_generated/server";

export async function organizationSettingsFor(ctx: Pick<QueryCtx, "db">, organizationId: string) {
  const row = await ctx.db
    .query("organizationSettings")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  return {
    allowedDomains: row?.allowedDomains ?? [],
    agentInstructions: row?.agentInstructions,
    _id: row?._id,
  };
}
