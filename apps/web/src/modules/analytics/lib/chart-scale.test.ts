import { describe, expect, it } from "vitest";

import { countAxis, labelledDayIndexes } from "./chart-scale";

describe("countAxis", () => {
  it("rounds the top up to a readable value and ticks from 0", () => {
    expect(countAxis(37)).toEqual({ top: 40, ticks: [0, 10, 20, 30, 40] });
    expect(countAxis(10)).toEqual({ top: 10, ticks: [0, 2, 4, 6, 8, 10] });
  });

  it("keeps whole counts and a visible scale for quiet periods", () => {
    expect(countAxis(1)).toEqual({ top: 1, ticks: [0, 1] });
    expect(countAxis(0)).toEqual({ top: 1, ticks: [0, 1] });
  });
});

describe("labelledDayIndexes", () => {
  it("labels every day of a short period", () => {
    expect(labelledDayIndexes(4)).toEqual([0, 1, 2, 3]);
  });

  it("labels the first and last day of a long period and spreads the rest", () => {
    expect(labelledDayIndexes(8)).toEqual([0, 1, 3, 4, 6, 7]);
    expect(labelledDayIndexes(91)).toEqual([0, 18, 36, 54, 72, 90]);
  });
});
