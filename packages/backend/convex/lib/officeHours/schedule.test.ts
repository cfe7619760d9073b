import { describe, expect, test } from "vitest";

import { minutesOf, officeStatus } from "./schedule";
import type { OfficeHours } from "./validators";

const weekdays = (open: string, close: string) =>
  [1, 2, 3, 4, 5].map((day) => ({ day, open, close }));
const saoPaulo: OfficeHours = {
  enabled: true,
  timeZone: "America/Sao_Paulo",
  weekly: weekdays("09:00", "18:00"),
  holidays: ["2026-12-25"],
};

describe("office hours", () => {
  test("open inside an opening, in the schedule's own time zone", () => {
    // Wednesday 2026-12-02 12:00 UTC is 09:00 in São Paulo (UTC-3).
    expect(officeStatus(saoPaulo, Date.UTC(2026, 11, 2, 12, 0))).toEqual({ open: true });
    expect(officeStatus(saoPaulo, Date.UTC(2026, 11, 2, 11, 59))).toEqual({
      open: false,
      nextOpenAt: Date.UTC(2026, 11, 2, 12, 0),
    });
  });

  test("after hours on Friday, the team is back on Monday morning", () => {
    // Friday 2026-12-04 21:00 UTC is 18:00 in São Paulo: just closed.
    expect(officeStatus(saoPaulo, Date.UTC(2026, 11, 4, 21, 0))).toEqual({
      open: false,
      nextOpenAt: Date.UTC(2026, 11, 7, 12, 0),
    });
  });

  test("a holiday is closed all day and skipped when looking for the next opening", () => {
    // Christmas 2026 is a Friday.
    expect(officeStatus(saoPaulo, Date.UTC(2026, 11, 25, 15, 0))).toEqual({
      open: false,
      nextOpenAt: Date.UTC(2026, 11, 28, 12, 0),
    });
  });

  test("follows daylight saving time: 09:00 in New York is 14:00 UTC in winter, 13:00 in summer", () => {
    const newYork: OfficeHours = { ...saoPaulo, timeZone: "America/New_York", holidays: [] };
    expect(officeStatus(newYork, Date.UTC(2026, 0, 7, 13, 30))).toEqual({
      open: false,
      nextOpenAt: Date.UTC(2026, 0, 7, 14, 0),
    });
    expect(officeStatus(newYork, Date.UTC(2026, 6, 8, 12, 30))).toEqual({
      open: false,
      nextOpenAt: Date.UTC(2026, 6, 8, 13, 0),
    });
  });

  test("no schedule, a disabled one or an unknown zone counts as always open", () => {
    expect(officeStatus(null, 0)).toEqual({ open: true });
    expect(officeStatus({ ...saoPaulo, enabled: false }, Date.UTC(2026, 11, 25))).toEqual({
      open: true,
    });
    expect(officeStatus({ ...saoPaulo, timeZone: "Mars/Olympus" }, 0)).toEqual({ open: true });
  });

  test("a schedule with no openings has no next opening", () => {
    expect(officeStatus({ ...saoPaulo, weekly: [] }, 0)).toEqual({ open: false, nextOpenAt: null });
  });

  test("times are HH:MM, with 24:00 for the end of the day", () => {
    expect(minutesOf("09:30")).toBe(570);
    expect(minutesOf("24:00")).toBe(1440);
    expect(minutesOf("9:30")).toBeNull();
    expect(minutesOf("25:00")).toBeNull();
  });
});
