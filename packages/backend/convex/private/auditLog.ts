import { paginationOptsValidator } from "convex/server";

import { query } from "../_generated/server";
import { requireAdmin } from "../lib/identity";

/** Operator and admin actions, newest first, for admins. */
export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const { orgId } = await requireAdmin(ctx);
    return await ctx.db
      .query("auditLog")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId))
      .order("desc")
      .paginate(paginationOpts);
  },
});
