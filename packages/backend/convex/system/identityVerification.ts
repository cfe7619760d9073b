import { internalMutation } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { vOperator } from "../lib/validators";

/** Notes that the organization's identity secret was (re)issued now; the secret is in the store. */
export const recordRotation = internalMutation({
  args: { operator: vOperator },
  handler: async (ctx, { operator }) => {
    const row = await ctx.db
      .query("identityVerification")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .unique();
    const rotatedAt = Date.now();
    if (row) await ctx.db.patch(row._id, { rotatedAt });
    else await ctx.db.insert("identityVerification", { organizationId: operator.orgId, rotatedAt });
    await recordAudit(ctx, operator, "identityVerification.rotate");
  },
});
