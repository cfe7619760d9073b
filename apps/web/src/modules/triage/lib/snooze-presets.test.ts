import { describe, expect, test } from "vitest";

import { parseLocalDateTime, snoozeUntil, toLocalDateTime } from "./snooze-presets";

// Wednesday 2026-12-02 15:30 local time.
const wednesday = new Date(2026, 11, 2, 15, 30);

describe("snooze presets", () => {
  test("an hour from now, tomorrow at 9:00, next Monday at 9:00, or until the visitor replies", () => {
    expect(snoozeUntil("oneHour", wednesday)).toBe(wednesday.getTime() + 3_600_000);
    expect(snoozeUntil("tomorrow", wednesday)).toBe(new Date(2026, 11, 3, 9, 0).getTime());
    expect(snoozeUntil("nextWeek", wednesday)).toBe(new Date(2026, 11, 7, 9, 0).getTime());
    expect(snoozeUntil("reply", wednesday)).toBeNull();
  });

  test("next week from a Monday is the Monday after", () => {
    const monday = new Date(2026, 11, 7, 8, 0);
    expect(snoozeUntil("nextWeek", monday)).toBe(new Date(2026, 11, 14, 9, 0).getTime());
  });

  test("a custom date and time round-trips through the input's local value", () => {
    const at = new Date(2026, 11, 24, 18, 45).getTime();
    expect(toLocalDateTime(at)).toBe("2026-12-24T18:45");
    expect(parseLocalDateTime("2026-12-24T18:45")).toBe(at);
    expect(parseLocalDateTime("")).toBeNull();
    expect(parseLocalDateTime("tomorrow")).toBeNull();
  });
});
