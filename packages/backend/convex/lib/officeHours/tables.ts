import { defineTable } from "convex/server";
import { v } from "convex/values";

import { vOfficeHoursFields } from "./validators";

/** Office hours and the recent first-response times the widget's "typically replies in" uses. */
export const officeHoursTables = {
  officeHours: defineTable({
    organizationId: v.string(),
    ...vOfficeHoursFields,
  }).index("by_organization", ["organizationId"]),

  /** The latest first human responses (ms from escalation), kept with their median. */
  responseTimes: defineTable({
    organizationId: v.string(),
    recentWaits: v.array(v.number()),
    medianMs: v.number(),
  }).index("by_organization", ["organizationId"]),
};
