import { v, type Infer } from "convex/values";

/** One opening on a weekday (0 = Sunday), as "HH:MM" wall-clock times in the schedule's zone. */
export const vOpening = v.object({ day: v.number(), open: v.string(), close: v.string() });

/** An organization's office hours: weekly openings in an IANA time zone, and closed dates. */
export const vOfficeHoursFields = {
  enabled: v.boolean(),
  timeZone: v.string(),
  weekly: v.array(vOpening),
  /** Whole days the team is away, as "YYYY-MM-DD" in the schedule's zone. */
  holidays: v.array(v.string()),
};
export const vOfficeHours = v.object(vOfficeHoursFields);
export type OfficeHours = Infer<typeof vOfficeHours>;
export type Opening = Infer<typeof vOpening>;
