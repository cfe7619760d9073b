import { performance } from "node:perf_hooks";
import { FunctionError } from "../errors/errors.ts";

/**
 * A query's or mutation's time in its own code: wall time minus the time it waited on syscalls
 * (database reads, nested calls), which Convex does not count against the limit either. The
 * event-loop thread's CPU time caps it, so time the machine did not run this thread (a loaded host,
 * another engine sharing the cores) is not charged to the function. The CPU clock is read at the
 * start (a reading shared by the functions of the same millisecond), then at syscalls only once own
 * wall time passes CPU_CLOCK_AFTER_MS: nearly every function is shorter and reads it at most once.
 */
export type UserClock = {
  limitMs: number;
  startedMs: number;
  startedCpuMs: number;
  syscallMs: number;
  inflight: number;
  inflightSinceMs: number;
  cpu: CpuAccount | null;
  /** Set once the limit is passed: the function fails then, even if its code caught the error. */
  expired?: FunctionError;
};

/** CPU time in the function's own code, counted from the instant own time was `ownBeforeMs`. */
type CpuAccount = {
  ownBeforeMs: number;
  startedCpuMs: number;
  syscallCpuMs: number;
  inflightSinceCpuMs: number;
};

/** Own wall time before which syscalls do not read the CPU clock (and split CPU time less finely). */
const CPU_CLOCK_AFTER_MS = 10;

/** This thread's CPU time: `process.cpuUsage()` sums every thread's and costs far more per call. */
function cpuNow(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** How old a shared reading of the CPU clock may be to stand for a function's start. */
const CPU_SAMPLE_MAX_AGE_MS = 1;
let sampledAtMs = -Infinity;
let sampledCpuMs = 0;

/**
 * This thread's CPU time at most CPU_SAMPLE_MAX_AGE_MS of wall time ago: functions started close
 * together share one reading (a clock read costs microseconds), and a function is charged at most
 * that millisecond's CPU time more than its own.
 */
function recentCpuMs(now: number): number {
  if (now - sampledAtMs > CPU_SAMPLE_MAX_AGE_MS) {
    sampledAtMs = now;
    sampledCpuMs = cpuNow();
  }
  return sampledCpuMs;
}

export function startUserClock(limitMs: number): UserClock {
  const startedMs = performance.now();
  return {
    limitMs,
    startedMs,
    startedCpuMs: recentCpuMs(startedMs),
    syscallMs: 0,
    inflight: 0,
    inflightSinceMs: 0,
    cpu: null,
  };
}

function userMs(clock: UserClock, now: number): number {
  const wall = ownCodeMs(clock, now);
  const account = clock.cpu;
  if (!account) {
    if (wall > CPU_CLOCK_AFTER_MS) {
      const cpu = cpuNow();
      // Syscalls' CPU time so far was not split off: the whole thread's is an upper bound.
      const ownBeforeMs = Math.min(wall, cpu - clock.startedCpuMs);
      clock.cpu = { ownBeforeMs, startedCpuMs: cpu, syscallCpuMs: 0, inflightSinceCpuMs: cpu };
      return ownBeforeMs;
    }
    return wall;
  }
  const cpu = cpuNow();
  const waitingCpu = clock.inflight > 0 ? cpu - account.inflightSinceCpuMs : 0;
  const ownCpu = cpu - account.startedCpuMs - account.syscallCpuMs - waitingCpu;
  return Math.min(wall, account.ownBeforeMs + ownCpu);
}

/** Wall time in the function's own code so far, syscalls not counted. */
export function ownCodeMs(clock: UserClock, now = performance.now()): number {
  const waiting = clock.inflight > 0 ? now - clock.inflightSinceMs : 0;
  return now - clock.startedMs - clock.syscallMs - waiting;
}

/** Duration as Convex prints it (Rust's `Duration` debug format): `1s`, `1.5s`, `300ms`. */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Convex's text for a function its isolate stopped at the time limit. */
export function isolateTimeoutMessage(limitMs: number): string {
  return `Function execution timed out (maximum duration: ${formatDuration(limitMs)})`;
}

/** Throws Convex's timeout error once the function's own code has run past its limit. */
export function checkUserTime(clock: UserClock | undefined, now = performance.now()): void {
  if (!clock) return;
  if (!clock.expired && userMs(clock, now) > clock.limitMs) {
    clock.expired = new FunctionError(isolateTimeoutMessage(clock.limitMs));
  }
  if (clock.expired) throw clock.expired;
}

/** Runs a synchronous syscall, checking the limit first and not counting its own time. */
export function timedSyncSyscall<T>(clock: UserClock | undefined, run: () => T): T {
  if (!clock) return run();
  if (clock.inflight > 0) {
    checkUserTime(clock);
    return run();
  }
  const started = performance.now();
  checkUserTime(clock, started);
  const startedCpu = clock.cpu ? cpuNow() : null;
  try {
    return run();
  } finally {
    clock.syscallMs += performance.now() - started;
    if (clock.cpu && startedCpu !== null) clock.cpu.syscallCpuMs += cpuNow() - startedCpu;
  }
}

/** Runs a syscall, checking the limit first and not counting the time it waits. */
export async function timedSyscall<T>(
  clock: UserClock | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!clock) return run();
  if (clock.inflight === 0) {
    const now = performance.now();
    checkUserTime(clock, now);
    clock.inflightSinceMs = now;
    if (clock.cpu) clock.cpu.inflightSinceCpuMs = cpuNow();
  } else checkUserTime(clock);
  clock.inflight++;
  try {
    return await run();
  } finally {
    if (--clock.inflight === 0) {
      clock.syscallMs += performance.now() - clock.inflightSinceMs;
      if (clock.cpu) clock.cpu.syscallCpuMs += cpuNow() - clock.cpu.inflightSinceCpuMs;
    }
  }
}
