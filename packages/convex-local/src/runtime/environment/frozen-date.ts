/**
 * A `Date` whose current time is the running query's or mutation's frozen time when it has one,
 * as in Convex. Its instances are plain dates (they share `Date.prototype`): `new Date()` and
 * `new Date(value)`, by far the most common calls (the AI SDK makes them per message part), take
 * no rest array, no spread and no subclass construction.
 */
export function frozenDate(
  RealDate: DateConstructor,
  frozenNow: () => number | undefined,
): DateConstructor {
  function Date(
    this: unknown,
    value?: unknown,
    month?: number,
    day?: number,
    hours?: number,
    minutes?: number,
    seconds?: number,
    ms?: number,
  ): unknown {
    if (new.target === Date) {
      if (arguments.length === 0) {
        const now = frozenNow();
        return now === undefined ? new RealDate() : new RealDate(now);
      }
      if (arguments.length === 1) return new RealDate(value as number);
    }
    const now = frozenNow() ?? RealDate.now();
    // Called without `new`, Date returns the current time as a string.
    if (new.target === undefined) return new RealDate(now).toString();
    // A subclass of Date, or the year-month-day form: Date counts its arguments, undefined too.
    const given = [value, month, day, hours, minutes, seconds, ms].slice(0, arguments.length);
    return Reflect.construct(RealDate, given.length === 0 ? [now] : given, new.target);
  }
  Date.prototype = RealDate.prototype;
  Object.setPrototypeOf(Date, RealDate);
  Object.defineProperty(Date, "length", { value: RealDate.length });
  Object.defineProperty(Date, "now", {
    value: function now(): number {
      return frozenNow() ?? RealDate.now();
    },
    writable: true,
    configurable: true,
  });
  return Date as unknown as DateConstructor;
}
