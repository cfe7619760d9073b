import { query } from "../_generated/server";
import { requireAdmin } from "../lib/identity";
import { findOrganization } from "../lib/organizations";
import { billingEnforced } from "../lib/plans";

/** The organization's plan and latest subscription, as synced by the billing webhook. */
export const subscription = query({
  args: {},
  handler: async (ctx) => {
    const { orgId } = await requireAdmin(ctx);
    const organization = await findOrganization(ctx, orgId);
    const latest = await ctx.db
      .query("subscriptions")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId))
      .order("desc")
      .first();
    return {
      plan: organization?.plan ?? "free",
      billingEnforced: billingEnforced(),
      subscription: latest
        ? {
            status: latest.status,
            plan: latest.plan,
            currentPeriodEnd: latest.currentPeriodEnd ?? null,
          }
        : null,
    };
  },
});
