const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS = 90;
/** Reads are bounded; an organization past this volume needs pre-aggregated counters. */
export const MAX_PERIOD_ROWS = 5000;

/** The last `days` days (1 to 90, 30 by default) up to now, as Analytics' period picker offers. */
export function analyticsPeriod(days: number | undefined): {
  from: number;
  to: number;
  days: number;
} {
  const clamped = Math.min(Math.max(Math.floor(days ?? 30), 1), MAX_DAYS);
  const to = Date.now();
  return { from: to - clamped * DAY_MS, to, days: clamped };
}

/** The UTC day (YYYY-MM-DD) of a timestamp: the buckets of per-day figures. */
export function dayOf(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

/** Every UTC day of a period, oldest first, `from`'s day included. */
export function periodDays(from: number, days: number): string[] {
  return Array.from({ length: days + 1 }, (_, day) => dayOf(from + day * DAY_MS));
}
