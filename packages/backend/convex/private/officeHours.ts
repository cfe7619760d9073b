import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { adminMutation, operatorQuery } from "../lib/functions";
import { officeHoursFor } from "../lib/officeHours/responseTimes";
import { isTimeZone, minutesOf } from "../lib/officeHours/schedule";
import { vOfficeHoursFields } from "../lib/officeHours/validators";

const MAX_OPENINGS = 28;
const MAX_HOLIDAYS = 100;

/** The organization's office hours; null until an admin sets them (the team counts as always in). */
export const get = operatorQuery({
  args: {},
  handler: async (ctx) => await officeHoursFor(ctx, ctx.operator.orgId),
});

export const update = adminMutation({
  args: vOfficeHoursFields,
  handler: async (ctx, hours) => {
    const { operator } = ctx;
    if (!isTimeZone(hours.timeZone)) fail("INVALID_INPUT", "Unknown time zone");
    if (hours.weekly.length > MAX_OPENINGS || hours.holidays.length > MAX_HOLIDAYS) {
      fail("INVALID_INPUT", "Too many openings or holidays");
    }
    for (const opening of hours.weekly) {
      const open = minutesOf(opening.open);
      const close = minutesOf(opening.close);
      if (!Number.isInteger(opening.day) || opening.day < 0 || opening.day > 6) {
        fail("INVALID_INPUT", "A weekday is 0 (Sunday) to 6 (Saturday)");
      }
      if (open === null || close === null || open >= close) {
        fail("INVALID_INPUT", "An opening is HH:MM to a later HH:MM");
      }
    }
    for (const day of hours.holidays) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
        fail("INVALID_INPUT", "A holiday is a YYYY-MM-DD date");
      }
    }
    const holidays = [...new Set(hours.holidays)].sort();
    const row = await ctx.db
      .query("officeHours")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .unique();
    if (row) await ctx.db.patch(row._id, { ...hours, holidays });
    else await ctx.db.insert("officeHours", { organizationId: operator.orgId, ...hours, holidays });
    await recordAudit(ctx, operator, "officeHours.update", operator.orgId, {
      enabled: hours.enabled,
    });
  },
});
