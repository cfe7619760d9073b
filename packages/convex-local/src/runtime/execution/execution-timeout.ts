import { FunctionError } from "../errors/errors.ts";
import { realSetTimeout } from "../environment/globals.ts";
import { isolateTimeoutMessage } from "./user-time.ts";

/** A function that never settles must not hold its caller (or a sync session) forever. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  // One promise and one reaction per call (not a race and a `finally`): every function call pays it.
  return new Promise<T>((resolve, reject) => {
    const timer = realSetTimeout(() => reject(new FunctionError(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Convex's texts for a function stopped at its time limit: its Node executor's, or its isolate's. */
export function timeoutMessage(ms: number, nodeAction?: string): string {
  return nodeAction === undefined
    ? isolateTimeoutMessage(ms)
    : `Action \`${nodeAction}\` execution timed out (maximum duration ${ms / 1000}s)`;
}

/** Jittered exponential backoff so conflicting mutations stop colliding. */
export function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) =>
    realSetTimeout(resolve, Math.random() * Math.min(2 ** attempt, 200)),
  );
}
