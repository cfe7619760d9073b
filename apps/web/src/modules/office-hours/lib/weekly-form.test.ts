import { describe, expect, test } from "vitest";

import { defaultHours, rowsOf, weeklyOf } from "./weekly-form";

describe("office hours form rows", () => {
  test("a row per weekday, Monday first, closed days keep a default range", () => {
    const rows = rowsOf([{ day: 0, open: "10:00", close: "14:00" }]);
    expect(rows.map((row) => row.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(rows[6]).toEqual({ day: 0, open: true, from: "10:00", to: "14:00" });
    expect(rows[0]).toEqual({ day: 1, open: false, from: "09:00", to: "18:00" });
  });

  test("round-trips the open days to the weekly openings", () => {
    const weekly = defaultHours("UTC").weekly;
    expect(weeklyOf(rowsOf(weekly))).toEqual(weekly);
  });
});
