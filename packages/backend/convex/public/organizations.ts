import { v } from "convex/values";

import { query } from "../_generated/server";
import { findOrganization } from "../lib/organizations";

/** The widget's first call: is this organization id real? */
export const validate = query({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    const organization = await findOrganization(ctx, organizationId);
    return organization
      ? { valid: true as const, name: organization.name }
      : { valid: false as const, reason: "NOT_FOUND" as const };
  },
});
