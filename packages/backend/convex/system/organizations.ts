import { v } from "convex/values";

import { internalQuery } from "../_generated/server";
import { findOrganization } from "../lib/organizations";

/** What the agent needs to know about the organization it speaks for. */
export const agentContext = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    const organization = await findOrganization(ctx, organizationId);
    const settings = await ctx.db
      .query("organizationSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
      .unique();
    return { name: organization?.name ?? "this company", instructions: settings?.agentInstructions };
  },
});
