import { performance } from "node:perf_hooks";
import { FunctionError } from "../errors/errors.ts";

/**
 * A query's or mutation's time in its own code: wall time minus the time it waited on syscalls
 * (database reads, nested calls), which Convex does not count against the limit either.
 */
export type UserClock = {
  limitMs: number;
  startedMs: number;
  syscallMs: number;
  inflight: number;
  inflightSinceMs: number;
  /** Set once the limit is passed: the function fails then, even if its code caught the error. */
  expired?: FunctionError;
};

export function startUserClock(limitMs: number): UserClock {
  return { limitMs, startedMs: performance.now(), syscallMs: 0, inflight: 0, inflightSinceMs: 0 };
}

function userMs(clock: UserClock, now: number): number {
  const waiting = clock.inflight > 0 ? now - clock.inflightSinceMs : 0;
  return now - clock.startedMs - clock.syscallMs - waiting;
}

/** Duration as Convex prints it (Rust's `Duration` debug format): `1s`, `1.5s`, `300ms`. */
function formatDuration(ms: number): string {
  return ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Throws Convex's timeout error once the function's own code has run past its limit. */
export function checkUserTime(clock: UserClock | undefined): void {
  if (!clock) return;
  if (!clock.expired && userMs(clock, performance.now()) > clock.limitMs) {
    clock.expired = new FunctionError(
      `Function execution timed out (maximum duration: ${formatDuration(clock.limitMs)})`,
    );
  }
  if (clock.expired) throw clock.expired;
}

/** Runs a synchronous syscall, checking the limit first and not counting its own time. */
export function timedSyncSyscall<T>(clock: UserClock | undefined, run: () => T): T {
  if (!clock) return run();
  checkUserTime(clock);
  if (clock.inflight > 0) return run();
  const started = performance.now();
  try {
    return run();
  } finally {
    clock.syscallMs += performance.now() - started;
  }
}

/** Runs a syscall, checking the limit first and not counting the time it waits. */
export async function timedSyscall<T>(
  clock: UserClock | undefined,
  run: () => Promise<T>,
): Promise<T> {
  if (!clock) return run();
  checkUserTime(clock);
  if (clock.inflight++ === 0) clock.inflightSinceMs = performance.now();
  try {
    return await run();
  } finally {
    if (--clock.inflight === 0) clock.syscallMs += performance.now() - clock.inflightSinceMs;
  }
}
