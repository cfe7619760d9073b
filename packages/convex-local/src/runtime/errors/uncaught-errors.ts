import { FunctionError } from "./errors.ts";
import { frames, type Frame } from "../execution/frame.ts";

const failers = new WeakMap<Frame, (error: Error) => void>();
let installed = false;

/**
 * Settles with `running`, or fails when one of the action's callbacks throws outside its promise
 * chain (Convex's Node runtime fails the action then; left alone, it would never settle).
 */
export function failOnUncaught<T>(frame: Frame, running: Promise<T>): Promise<T> {
  install();
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failers.set(frame, fail);
  return Promise.race([running, failed]).finally(() => failers.delete(frame));
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtException", (error) => {
    // A callback keeps the async context it was created in, so its function's frame is current.
    const fail = failers.get(frames.getStore()!);
    if (fail) {
      fail(new FunctionError(`Uncaught Error: uncaughtException: ${error.message}`));
      return;
    }
    // Nothing else listening: keep Node's own behaviour for errors of no function.
    if (process.listenerCount("uncaughtException") === 1) {
      console.error(error);
      process.exit(1);
    }
  });
}
