import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { fail } from "./errors";

export async function findOrganization(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<Doc<"organizations"> | null> {
  return await ctx.db
    .query("organizations")
    .withIndex("by_externalId", (q) => q.eq("externalId", organizationId))
    .unique();
}

export async function requireOrganization(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<Doc<"organizations">> {
  const organization = await findOrganization(ctx, organizationId);
  if (!organization) fail("NOT_FOUND", "Organization not found");
  return organization;
}
