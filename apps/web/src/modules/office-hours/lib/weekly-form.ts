import type { OfficeHours, Opening } from "@echo/backend/convex/lib/officeHours/validators";

/** One row per weekday (Monday first), as the form edits it: one opening a day. */
export type DayRow = { day: number; open: boolean; from: string; to: string };

export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function rowsOf(weekly: Opening[]): DayRow[] {
  return WEEK_ORDER.map((day) => {
    const opening = weekly.find((o) => o.day === day);
    return opening
      ? { day, open: true, from: opening.open, to: opening.close }
      : { day, open: false, from: "09:00", to: "18:00" };
  });
}

export function weeklyOf(rows: DayRow[]): Opening[] {
  return rows
    .filter((row) => row.open)
    .map((row) => ({ day: row.day, open: row.from, close: row.to }));
}

/** A new organization's starting point: weekdays 9 to 6 in the admin's own time zone. */
export function defaultHours(timeZone: string): OfficeHours {
  return {
    enabled: false,
    timeZone,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: "09:00", close: "18:00" })),
    holidays: [],
  };
}
