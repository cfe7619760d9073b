/** The snooze menu's choices; "reply" waits for the visitor, "custom" asks for a date and time. */
export const SNOOZE_PRESETS = ["oneHour", "tomorrow", "nextWeek", "reply", "custom"] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

const MORNING_HOUR = 9;

/**
 * When a preset ends, in the operator's local time: in an hour, tomorrow at 9:00, next Monday at
 * 9:00; null for "until the visitor replies". "custom" has no time of its own.
 */
export function snoozeUntil(preset: Exclude<SnoozePreset, "custom">, now: Date): number | null {
  if (preset === "reply") return null;
  if (preset === "oneHour") return now.getTime() + 60 * 60 * 1000;
  const day = new Date(now);
  day.setHours(MORNING_HOUR, 0, 0, 0);
  if (preset === "tomorrow") {
    day.setDate(day.getDate() + 1);
  } else {
    // Days until the next Monday, a full week when today is Monday.
    const ahead = (8 - day.getDay()) % 7 || 7;
    day.setDate(day.getDate() + ahead);
  }
  return day.getTime();
}

/** A `datetime-local` input's value (local time) as ms since the epoch; null if empty. */
export function parseLocalDateTime(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : null;
}

/** The value a `datetime-local` input shows for a moment, in local time. */
export function toLocalDateTime(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
