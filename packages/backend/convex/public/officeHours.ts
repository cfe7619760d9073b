import { v } from "convex/values";

import { publicQuery } from "../lib/functions";
import { officeHoursFor, typicalReplyMs } from "../lib/officeHours/responseTimes";
import { requireOrganization } from "../lib/organizations";

/**
 * What the widget's header says about the team: the office hours (the widget works out "away
 * until…" itself, so it stays right as time passes) and the recent median first response.
 */
export const get = publicQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    await requireOrganization(ctx, organizationId);
    return {
      hours: await officeHoursFor(ctx, organizationId),
      typicalReplyMs: await typicalReplyMs(ctx, organizationId),
    };
  },
});
