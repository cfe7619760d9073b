/** Splits a duration into its largest two units, for "3 h 5 min" or "42 s" style labels. */
export function durationParts(
  ms: number,
): Array<{ unit: "day" | "hour" | "minute" | "second"; value: number }> {
  let seconds = Math.max(0, Math.round(ms / 1000));
  const units = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
    ["second", 1],
  ] as const;
  const parts: Array<{ unit: (typeof units)[number][0]; value: number }> = [];
  for (const [unit, size] of units) {
    const value = Math.floor(seconds / size);
    seconds -= value * size;
    if (value > 0 || (unit === "second" && parts.length === 0)) parts.push({ unit, value });
  }
  return parts.slice(0, 2);
}
