import { performance } from "node:perf_hooks";
import { FunctionError } from "../errors/errors.ts";

/**
 * A query's or mutation's time in its own code: wall time minus the time it waited on syscalls
 * (database reads, nested calls), which Convex does not count against the limit either. The
 * event-loop thread's CPU time over the same spans caps it, so time the machine did not run this
 * thread (a loaded host, another engine sharing the cores) is not charged to the function.
 */
export type UserClock = {
  limitMs: number;
  startedMs: number;
  startedCpuMs: number;
  syscallMs: number;
  syscallCpuMs: number;
  inflight: number;
  inflightSinceMs: number;
  inflightSinceCpuMs: number;
  /** Set once the limit is passed: the function fails then, even if its code caught the error. */
  expired?: FunctionError;
};

/** This thread's CPU time: `process.cpuUsage()` sums every thread's and costs far more per call. */
function cpuNow(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

export function startUserClock(limitMs: number): UserClock {
  return {
    limitMs,
    startedMs: performance.now(),
    startedCpuMs: cpuNow(),
    syscallMs: 0,
    syscallCpuMs: 0,
    inflight: 0,
    inflightSinceMs: 0,
    inflightSinceCpuMs: 0,
  };
}

function userMs(clock: UserClock, now: number, cpu: number): number {
  const waiting = clock.inflight > 0 ? now - clock.inflightSinceMs : 0;
  const waitingCpu = clock.inflight > 0 ? cpu - clock.inflightSinceCpuMs : 0;
  return Math.min(
    now - clock.startedMs - clock.syscallMs - waiting,
    cpu - clock.startedCpuMs - clock.syscallCpuMs - waitingCpu,
  );
}

/** Wall time in the function's own code so far, syscalls not counted. */
export function ownCodeMs(clock: UserClock): number {
  const now = performance.now();
  const waiting = clock.inflight > 0 ? now - clock.inflightSinceMs : 0;
  return now - clock.startedMs - clock.syscallMs - waiting;
}

/** Duration as Convex prints it (Rust's `Duration` debug format): `1s`, `1.5s`, `300ms`. */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Throws Convex's timeout error once the function's own code has run past its limit. */
export function checkUserTime(
  clock: UserClock | undefined,
  now = performance.now(),
  cpu = cpuNow(),
): void {
  if (!clock) return;
  if (!clock.expired && userMs(clock, now, cpu) > clock.limitMs) {
    clock.expired = new FunctionError(
      `Function execution timed out (maximum duration: ${formatDuration(clock.limitMs)})`,
    );
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
  const startedCpu = cpuNow();
  checkUserTime(clock, started, startedCpu);
  try {
    return run();
  } finally {
    clock.syscallMs += performance.now() - started;
    clock.syscallCpuMs += cpuNow() - startedCpu;
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
    const cpu = cpuNow();
    checkUserTime(clock, now, cpu);
    clock.inflightSinceMs = now;
    clock.inflightSinceCpuMs = cpu;
  } else checkUserTime(clock);
  clock.inflight++;
  try {
    return await run();
  } finally {
    if (--clock.inflight === 0) {
      clock.syscallMs += performance.now() - clock.inflightSinceMs;
      clock.syscallCpuMs += cpuNow() - clock.inflightSinceCpuMs;
    }
  }
}
