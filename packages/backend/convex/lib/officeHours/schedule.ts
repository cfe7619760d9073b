import type { OfficeHours } from "./validators";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
/** How far ahead the next opening is looked for: two weeks covers a long holiday. */
const LOOKAHEAD_DAYS = 21;

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "HH:MM" to minutes after midnight; null when malformed. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : time === "24:00" ? 24 * 60 : null;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `at`: its date, weekday and minutes after midnight. */
function wallClock(at: number, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: WEEKDAYS.indexOf(parts.weekday!),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** The zone's offset from UTC at `at`, in ms (positive east of Greenwich). */
function offsetAt(at: number, timeZone: string): number {
  const { date, minutes } = wallClock(at, timeZone);
  const asUtc = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  return asUtc - Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/** The instant a wall-clock time on a date happens in `timeZone` (DST-gap times move forward). */
function instantOf(date: string, minutes: number, timeZone: string): number {
  const naive = Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE_MS;
  const first = naive - offsetAt(naive, timeZone);
  return naive - offsetAt(first, timeZone);
}

export type OfficeStatus = { open: true } | { open: false; nextOpenAt: number | null };

/**
 * Whether the team is in at `at`, and otherwise when it is next. Without a schedule (disabled),
 * the team counts as always in.
 */
export function officeStatus(hours: OfficeHours | null, at: number): OfficeStatus {
  if (!hours?.enabled || !isTimeZone(hours.timeZone)) return { open: true };
  const holidays = new Set(hours.holidays);
  const now = wallClock(at, hours.timeZone);
  const openingsOn = (day: number) =>
    hours.weekly
      .filter((opening) => opening.day === day)
      .map((opening) => ({ open: minutesOf(opening.open), close: minutesOf(opening.close) }))
      .filter(
        (o): o is { open: number; close: number } =>
          o.open !== null && o.close !== null && o.open < o.close,
      )
      .sort((a, b) => a.open - b.open);
  if (
    !holidays.has(now.date) &&
    openingsOn(now.day).some((o) => o.open <= now.minutes && now.minutes < o.close)
  ) {
    return { open: true };
  }
  for (let ahead = 0; ahead <= LOOKAHEAD_DAYS; ahead++) {
    // Noon keeps the step on the intended calendar day across DST changes.
    const probe = wallClock(
      instantOf(now.date, 12 * 60, hours.timeZone) + ahead * DAY_MS,
      hours.timeZone,
    );
    if (holidays.has(probe.date)) continue;
    const next = openingsOn(probe.day).find((o) => ahead > 0 || o.open > now.minutes);
    if (next) return { open: false, nextOpenAt: instantOf(probe.date, next.open, hours.timeZone) };
  }
  return { open: false, nextOpenAt: null };
}
