import { v } from "convex/values";

import { internalQuery } from "../_generated/server";
import { organizationSettingsFor } from "../lib/organizationSettings";
import { findOrganization } from "../lib/organizations";

/** What the agent needs to know about the organization it speaks for. */
export const agentContext = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    const organization = await findOrganization(ctx, organizationId);
    const settings = await organizationSettingsFor(ctx, organizationId);
    return { name: organization?.name ?? "this company", instructions: settings.agentInstructions };
  },
});
