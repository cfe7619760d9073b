import { adminQuery } from "../lib/functions";
import { findOrganization } from "../lib/organizations";
import { billingEnforced } from "../lib/plans";

/** The organization's plan and latest subscription, as synced by the billing webhook. */
export const subscription = adminQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId } = ctx.operator;
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
