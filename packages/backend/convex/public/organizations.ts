import { v } from "convex/values";

import { organizationSettingsFor } from "../lib/organizationSettings";
import { publicQuery } from "../lib/functions";
import { findOrganization } from "../lib/organizations";

/** The widget's first call: is this organization id real, and which sites may embed it? */
export const validate = publicQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    const organization = await findOrganization(ctx, organizationId);
    return organization
      ? {
          valid: true as const,
          name: organization.name,
          allowedDomains: (await organizationSettingsFor(ctx, organizationId)).allowedDomains,
        }
      : { valid: false as const, reason: "NOT_FOUND" as const };
  },
});
