import { afterEach, describe, expect, it, vi } from "vitest";
import { checkUserTime, startUserClock } from "./user-time.ts";

afterEach(() => vi.restoreAllMocks());

describe("the CPU clock reading at a function's start", () => {
  it("is shared by the functions started within one millisecond, and read anew after it", () => {
    // Far from any reading taken before this test, then 1 µs per reading of the wall clock.
    let wallMs = performance.now() + 1_000_000;
    vi.spyOn(performance, "now").mockImplementation(() => (wallMs += 0.001));
    const reads = vi.spyOn(process, "threadCpuUsage");
    for (let i = 0; i < 100; i++) startUserClock(1000);
    expect(reads).toHaveBeenCalledTimes(1);
    wallMs += 2;
    startUserClock(1000);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it("a function started on a shared reading is still charged its own CPU time", () => {
    const cpuMs = () => {
      const { user, system } = process.threadCpuUsage();
      return (user + system) / 1000;
    };
    startUserClock(1000);
    const clock = startUserClock(30);
    const until = cpuMs() + 60;
    while (cpuMs() < until);
    expect(() => checkUserTime(clock)).toThrow(
      "Function execution timed out (maximum duration: 30ms)",
    );
  });
});
