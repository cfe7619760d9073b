import { paginationOptsValidator } from "convex/server";

import { adminQuery } from "../lib/functions";

/** Operator and admin actions, newest first, for admins. */
export const list = adminQuery({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const { orgId } = ctx.operator;
    return await ctx.db
      .query("auditLog")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId))
      .order("desc")
      .paginate(paginationOpts);
  },
});
