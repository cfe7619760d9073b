import { describe, expect, test } from "vitest";
import { frozenDate } from "./frozen-date.ts";

const FROZEN = Date.UTC(2024, 0, 2, 3, 4, 5, 6);

describe("frozenDate", () => {
  const FrozenDate = frozenDate(Date, () => FROZEN);
  const LiveDate = frozenDate(Date, () => undefined);

  test("the current time is the frozen one inside a query or mutation", () => {
    expect(new FrozenDate().getTime()).toBe(FROZEN);
    expect(FrozenDate.now()).toBe(FROZEN);
    expect(FrozenDate()).toBe(new Date(FROZEN).toString());
  });

  test("outside one it is the clock's", () => {
    const before = Date.now();
    const made = new LiveDate().getTime();
    const now = LiveDate.now();
    const after = Date.now();
    expect(made).toBeGreaterThanOrEqual(before);
    expect(now).toBeGreaterThanOrEqual(made);
    expect(after).toBeGreaterThanOrEqual(now);
    expect(typeof LiveDate()).toBe("string");
  });

  test("every explicit form builds the same date as Date", () => {
    const forms: unknown[][] = [
      [0],
      [1_700_000_000_123],
      ["2024-05-06T07:08:09.010Z"],
      ["not a date"],
      [undefined],
      [new Date(12_345)],
      [2024, 1],
      [2024, 1, 29],
      [2024, 1, 29, 23, 59, 58, 997],
      [2024, 1, undefined],
    ];
    for (const args of forms) {
      const expected = new Date(...(args as [])).getTime();
      expect(new FrozenDate(...(args as [])).getTime(), JSON.stringify(args)).toEqual(expected);
    }
  });

  test("its dates are plain dates and its statics are Date's", () => {
    const date = new FrozenDate();
    expect(date).toBeInstanceOf(FrozenDate);
    expect(date).toBeInstanceOf(Date);
    expect(Object.getPrototypeOf(date)).toBe(FrozenDate.prototype);
    expect(Object.prototype.toString.call(date)).toBe("[object Date]");
    expect(date.toISOString()).toBe("2024-01-02T03:04:05.006Z");
    expect(FrozenDate.parse("2024-01-02T03:04:05.006Z")).toBe(FROZEN);
    expect(FrozenDate.UTC(2024, 0, 2, 3, 4, 5, 6)).toBe(FROZEN);
    expect(FrozenDate.length).toBe(Date.length);
  });

  test("a subclass gets its own prototype and the frozen time", () => {
    class Stamp extends FrozenDate {
      label(): string {
        return `at ${this.toISOString()}`;
      }
    }
    expect(new Stamp().label()).toBe("at 2024-01-02T03:04:05.006Z");
    expect(new Stamp(0)).toBeInstanceOf(Stamp);
    expect(new Stamp(0).getTime()).toBe(0);
    expect(new Stamp(2024, 0, 2).getFullYear()).toBe(2024);
  });
});
