import { FunctionError } from "../errors/errors.ts";
import { realSetTimeout } from "../environment/globals.ts";

/** A function that never settles must not hold its caller (or a sync session) forever. */
export function withTimeout<T>(promise: Promise<T>, ms: number, udfType: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = realSetTimeout(
      () =>
        reject(
          new FunctionError(
            `Uncaught Error: Your ${udfType} function timed out after ${ms / 1000} seconds.`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Jittered exponential backoff so conflicting mutations stop colliding. */
export function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) =>
    realSetTimeout(resolve, Math.random() * Math.min(2 ** attempt, 200)),
  );
}
