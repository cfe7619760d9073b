import type { QueryCtx } from "../../_generated/server";

/** The stages an organization renamed, by stage key. */
export async function stageLabelsOf(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<Record<string, string>> {
  const row = await ctx.db
    .query("contactSettings")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  return row?.stageLabels ?? {};
}
