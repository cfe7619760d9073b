import { describe, expect, it } from "vitest";

import { durationParts } from "./duration";

describe("durationParts", () => {
  it("keeps the two largest units", () => {
    expect(durationParts(3 * 3_600_000 + 5 * 60_000 + 7_000)).toEqual([
      { unit: "hour", value: 3 },
      { unit: "minute", value: 5 },
    ]);
    expect(durationParts(90_061_000)).toEqual([
      { unit: "day", value: 1 },
      { unit: "hour", value: 1 },
    ]);
  });

  it("shows seconds for short and zero durations", () => {
    expect(durationParts(42_400)).toEqual([{ unit: "second", value: 42 }]);
    expect(durationParts(0)).toEqual([{ unit: "second", value: 0 }]);
  });
});
