import { afterEach, describe, expect, it, vi } from "vitest";
import { checkUserTime, startUserClock, timedSyncSyscall, timedSyscall } from "./user-time.ts";

const stall = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const cpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
/** Busy for `ms` of this thread's CPU time, however loaded the machine is. */
const spin = (ms: number) => {
  const until = cpuMs() + ms;
  while (cpuMs() < until);
};

afterEach(() => vi.restoreAllMocks());

describe("a function's own-code clock", () => {
  it("reads the CPU clock once, at the start, while the function's own time is short", async () => {
    // The wall clock advances 10 µs a reading, so a loaded machine that deschedules this thread
    // between syscalls cannot push the function's own time past the 10 ms threshold.
    let wallMs = 0;
    vi.spyOn(performance, "now").mockImplementation(() => (wallMs += 0.01));
    const reads = vi.spyOn(process, "threadCpuUsage");
    const clock = startUserClock(1000);
    for (let i = 0; i < 20; i++) timedSyncSyscall(clock, () => i);
    await timedSyscall(clock, async () => stall(30));
    checkUserTime(clock);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("time the thread was stalled is not charged, before or after the first syscall", () => {
    const clock = startUserClock(40);
    stall(15);
    timedSyncSyscall(clock, () => null);
    stall(60);
    expect(() => checkUserTime(clock)).not.toThrow();
  });

  it("code that runs past the limit fails with Convex's text, also after being caught", () => {
    const clock = startUserClock(30);
    spin(15);
    timedSyncSyscall(clock, () => null);
    spin(40);
    expect(() => timedSyncSyscall(clock, () => null)).toThrow(
      "Function execution timed out (maximum duration: 30ms)",
    );
    expect(() => checkUserTime(clock)).toThrow("Function execution timed out");
  });
});
