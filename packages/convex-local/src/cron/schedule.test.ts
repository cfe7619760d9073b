import { describe, expect, it } from "vitest";
import { cronJobs } from "convex/server";
import {
  InvalidScheduleError,
  nextRunTime,
  validateSchedule,
  type CronSchedule,
} from "./schedule.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("nextRunTime", () => {
  const start = at("2026-03-14T10:30:15.000Z"); // a Saturday

  it.each<[string, CronSchedule, string]>([
    ["every minute", { type: "cron", cron: "* * * * *" }, "2026-03-14T10:31:00.000Z"],
    [
      "cron at 09:00 on weekdays",
      { type: "cron", cron: "0 9 * * 1-5" },
      "2026-03-16T09:00:00.000Z",
    ],
    ["hourly at :45", { type: "hourly", minuteUTC: 45 }, "2026-03-14T10:45:00.000Z"],
    ["hourly default minute", { type: "hourly" }, "2026-03-14T11:00:00.000Z"],
    [
      "daily earlier hour rolls to tomorrow",
      { type: "daily", hourUTC: 8, minuteUTC: 5 },
      "2026-03-15T08:05:00.000Z",
    ],
    ["daily later today", { type: "daily", hourUTC: 23 }, "2026-03-14T23:00:00.000Z"],
    [
      "weekly on Monday",
      { type: "weekly", dayOfWeek: "monday", hourUTC: 17, minuteUTC: 30 },
      "2026-03-16T17:30:00.000Z",
    ],
    ["monthly on the 1st", { type: "monthly", day: 1, hourUTC: 0 }, "2026-04-01T00:00:00.000Z"],
    [
      "monthly on the 31st skips short months",
      { type: "monthly", day: 31, hourUTC: 12 },
      "2026-03-31T12:00:00.000Z",
    ],
    ["interval seconds", { type: "interval", seconds: 30 }, "2026-03-14T10:30:45.000Z"],
    ["interval minutes", { type: "interval", minutes: 5 }, "2026-03-14T10:35:15.000Z"],
    ["interval hours", { type: "interval", hours: 2 }, "2026-03-14T12:30:15.000Z"],
  ])("%s", (_name, schedule, expected) => {
    expect(iso(nextRunTime(schedule, start))).toBe(expected);
  });

  it("is strictly after the given time, even exactly on a firing time", () => {
    expect(
      iso(
        nextRunTime({ type: "daily", hourUTC: 10, minuteUTC: 30 }, at("2026-03-14T10:30:00.000Z")),
      ),
    ).toBe("2026-03-15T10:30:00.000Z");
    expect(
      iso(nextRunTime({ type: "monthly", day: 31, hourUTC: 12 }, at("2026-03-31T12:00:00.000Z"))),
    ).toBe("2026-05-31T12:00:00.000Z");
  });

  it("accepts every schedule shape that convex/server's cronJobs exports", () => {
    const crons = cronJobs();
    const fn = "jobs:run" as never;
    crons.interval("a", { minutes: 7 }, fn);
    crons.hourly("b", { minuteUTC: 3 }, fn);
    crons.daily("c", { hourUTC: 4, minuteUTC: 5 }, fn);
    crons.weekly("d", { dayOfWeek: "tuesday", hourUTC: 6, minuteUTC: 7 }, fn);
    crons.monthly("e", { day: 8, hourUTC: 9, minuteUTC: 10 }, fn);
    crons.cron("f", "15 * * * *", fn);
    // `export()` is what the backend calls on crons.js; convex marks it internal in its types.
    const exported = JSON.parse((crons as unknown as { export(): string }).export()) as Record<
      string,
      { schedule: CronSchedule }
    >;
    const results = Object.fromEntries(
      Object.entries(exported).map(([name, job]) => [name, iso(nextRunTime(job.schedule, start))]),
    );
    expect(results).toEqual({
      a: "2026-03-14T10:37:15.000Z",
      b: "2026-03-14T11:03:00.000Z",
      c: "2026-03-15T04:05:00.000Z",
      d: "2026-03-17T06:07:00.000Z",
      e: "2026-04-08T09:10:00.000Z",
      f: "2026-03-14T11:15:00.000Z",
    });
  });
});

describe("validateSchedule", () => {
  it.each<[CronSchedule, RegExp]>([
    [{ type: "cron", cron: "not a cron" }, /Invalid cron string/],
    [{ type: "cron", cron: "0 0 * * * *" }, /five fields/],
    [{ type: "cron", cron: "61 * * * *" }, /Invalid cron string/],
    [{ type: "interval", minutes: 0 }, /integer greater than 0/],
    [{ type: "interval", seconds: 1.5 }, /integer greater than 0/],
    [{ type: "interval" }, /one of seconds, minutes, or hours/],
    [{ type: "interval", seconds: 1, minutes: 1 }, /one of seconds, minutes, or hours/],
    [{ type: "hourly", minuteUTC: 60 }, /Minute of hour/],
    [{ type: "daily", hourUTC: 24 }, /Hour of day/],
    [{ type: "weekly", dayOfWeek: "funday", hourUTC: 1 }, /Day of week/],
    [{ type: "monthly", day: 0, hourUTC: 1 }, /Day of month/],
    [{ type: "yearly" } as unknown as CronSchedule, /Unknown schedule type/],
  ])("rejects %j", (schedule, message) => {
    expect(() => validateSchedule(schedule)).toThrow(InvalidScheduleError);
    expect(() => validateSchedule(schedule)).toThrow(message);
  });
});
