import { v } from "convex/values";

import { internalQuery } from "../_generated/server";
import type { TeamAvailability } from "../lib/answers/teamAvailability";
import { officeHoursFor, typicalReplyMs } from "../lib/officeHours/responseTimes";
import { officeStatus } from "../lib/officeHours/schedule";

/** Whether the organization's people are in now, for the agent's escalation acknowledgements. */
export const availability = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }): Promise<TeamAvailability> => {
    const hours = await officeHoursFor(ctx, organizationId);
    const status = officeStatus(hours, Date.now());
    return {
      open: status.open,
      nextOpenAt: status.open ? null : status.nextOpenAt,
      timeZone: hours?.timeZone ?? null,
      typicalReplyMs: await typicalReplyMs(ctx, organizationId),
    };
  },
});
