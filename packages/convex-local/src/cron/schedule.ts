import { CronExpressionParser } from "cron-parser";

const DAYS_OF_WEEK = [
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
] as const;

/** A schedule as `crons.js` exports it (`convex/server` `Schedule`). */
export type CronSchedule =
  | { type: "cron"; cron: string }
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number };

/** A schedule that cannot run; the message says what is wrong with it. */
export class InvalidScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidScheduleError";
  }
}

/**
 * The next time (ms since epoch) strictly after `afterMs` at which the schedule
 * fires, in UTC. Interval schedules fire one period after `afterMs`, so pass the
 * previous run time (or the registration time for the first run).
 */
export function nextRunTime(schedule: CronSchedule, afterMs: number): number {
  const intervalMs = intervalMillis(schedule);
  if (intervalMs !== null) return afterMs + intervalMs;
  const expression = CronExpressionParser.parse(cronStringFor(schedule), {
    currentDate: new Date(afterMs),
    tz: "UTC",
  });
  return expression.next().getTime();
}

/** Throws {@link InvalidScheduleError} when a schedule is malformed; wording follows `convex/server`. */
export function validateSchedule(schedule: CronSchedule): void {
  if (intervalMillis(schedule) === null) cronStringFor(schedule);
}

function intervalMillis(schedule: CronSchedule): number | null {
  if (schedule.type !== "interval") return null;
  const units = [
    [schedule.seconds, 1000],
    [schedule.minutes, 60_000],
    [schedule.hours, 3_600_000],
  ] as const;
  const given = units.filter(([amount]) => amount !== undefined);
  if (given.length !== 1)
    throw new InvalidScheduleError("Must specify one of seconds, minutes, or hours");
  const [amount, unit] = given[0]!;
  if (!Number.isInteger(amount) || amount! <= 0)
    throw new InvalidScheduleError("Interval must be an integer greater than 0");
  return amount! * unit;
}

/** Expresses every calendar schedule as a five-field UTC cron string. */
function cronStringFor(schedule: CronSchedule): string {
  switch (schedule.type) {
    case "cron":
      return checkedCron(schedule.cron);
    case "hourly":
      return `${minute(schedule.minuteUTC)} * * * *`;
    case "daily":
      return `${minute(schedule.minuteUTC)} ${hour(schedule.hourUTC)} * * *`;
    case "weekly":
      return `${minute(schedule.minuteUTC)} ${hour(schedule.hourUTC)} * * ${dayOfWeek(schedule.dayOfWeek)}`;
    case "monthly":
      return `${minute(schedule.minuteUTC)} ${hour(schedule.hourUTC)} ${dayOfMonth(schedule.day)} * *`;
    case "interval":
      throw new InvalidScheduleError("Interval schedules have no cron form");
    default:
      throw new InvalidScheduleError(
        `Unknown schedule type ${JSON.stringify((schedule as { type: unknown }).type)}`,
      );
  }
}

function checkedCron(cron: string): string {
  if (typeof cron !== "string" || cron.trim().split(/\s+/).length !== 5) {
    throw new InvalidScheduleError(
      `Invalid cron string "${cron}": expected five fields (minute hour day-of-month month day-of-week)`,
    );
  }
  try {
    CronExpressionParser.parse(cron, { tz: "UTC", strict: false });
  } catch (error) {
    throw new InvalidScheduleError(`Invalid cron string "${cron}": ${(error as Error).message}`);
  }
  return cron.trim();
}

function minute(value: number | undefined): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > 59)
    throw new InvalidScheduleError("Minute of hour must be an integer from 0 to 59");
  return n;
}

function hour(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 23)
    throw new InvalidScheduleError("Hour of day must be an integer from 0 to 23");
  return value;
}

function dayOfMonth(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 31)
    throw new InvalidScheduleError("Day of month must be an integer from 1 to 31");
  return value;
}

function dayOfWeek(value: string): number {
  const index = DAYS_OF_WEEK.indexOf(String(value).toLowerCase() as (typeof DAYS_OF_WEEK)[number]);
  if (index < 0) throw new InvalidScheduleError('Day of week must be a string like "monday".');
  return index;
}
