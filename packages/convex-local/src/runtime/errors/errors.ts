import { convexToJson, type JSONValue, type Value } from "convex/values";
import { userStackFrames } from "./stack-trace.ts";

/** An error whose message is shown to the caller as is, optionally carrying ConvexError data. */
export class FunctionError extends Error {
  readonly data?: JSONValue;
  constructor(message: string, data?: JSONValue) {
    super(message);
    this.name = "FunctionError";
    this.data = data;
  }
}

/**
 * A request the deployment cannot serve now, whatever its function does (Convex's OCC and
 * Overloaded errors): answered 503 `{code, message}` over HTTP, and on the sync socket by closing
 * it with 1013 (try again later), so the client reconnects and sends its requests again.
 */
export class UnavailableError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = code;
    this.code = code;
  }
}

export const OCC_FAILURE = "OptimisticConcurrencyControlFailure";

/**
 * A mutation whose reads were overwritten on its every retry (Convex's OCC failure): the
 * deployment's failure, not the function's, so the client is told to try again later.
 */
export function occFailure(): UnavailableError {
  return new UnavailableError(
    OCC_FAILURE,
    "Documents read from or written to some table changed while this mutation was being run and on every subsequent retry. See https://docs.convex.dev/error#1",
  );
}

type FailedOutcome = { errorMessage: string; errorData?: JSONValue };

function isConvexError(e: unknown): e is Error & { data: unknown } {
  return (
    typeof e === "object" &&
    e !== null &&
    (Symbol.for("ConvexError") in e || "ConvexErrorSymbol" in e)
  );
}

/** ConvexError data as convex JSON, whether or not `convex/server` already serialized it. */
function convexErrorData(e: unknown): JSONValue | undefined {
  if (e instanceof FunctionError) return e.data;
  if (!isConvexError(e)) return undefined;
  const data = e.data;
  if (typeof data === "string" && (e as unknown as Record<string, unknown>).ConvexErrorSymbol) {
    try {
      return JSON.parse(data) as JSONValue;
    } catch {
      return data;
    }
  }
  return convexToJson((data ?? null) as Value);
}

/** The error as Convex prints it: "Uncaught Name: message", then the user's frames, if any. */
function errorTrace(e: unknown): { message: string; trace: string } {
  if (e instanceof FunctionError) return { message: e.message, trace: e.message };
  if (!(e instanceof Error)) {
    const message = `Uncaught ${String(e)}`;
    return { message, trace: message };
  }
  const name =
    isConvexError(e) && (!e.name || e.name === "Error") ? "ConvexError" : e.name || "Error";
  const message = `Uncaught ${name}: ${e.message}`;
  const frames = userStackFrames(e);
  return { message, trace: frames.length ? `${message}\n${frames.join("\n")}\n` : message };
}

export function failedOutcome(e: unknown, requestId: string): FailedOutcome {
  const errorData = convexErrorData(e);
  const outcome: FailedOutcome = {
    errorMessage: `[Request ID: ${requestId}] Server Error\n${errorTrace(e).trace}`,
  };
  if (errorData !== undefined) outcome.errorData = errorData;
  return outcome;
}

/** An HTTP action's 500 body as Convex sends it: the message in `code`, the frames in `trace`. */
export function httpActionErrorBody(e: unknown, requestId: string): Record<string, JSONValue> {
  const { message, trace } = errorTrace(e);
  const body: Record<string, JSONValue> = {
    code: `[Request ID: ${requestId}] Server Error: ${message}`,
    trace,
  };
  const data = convexErrorData(e);
  if (data !== undefined) body.data = data;
  return body;
}

/** Re-throws a syscall's error so `convex/server`'s syscall wrapper sees `data` as convex JSON. */
export function syscallError(e: unknown): Error {
  const data = convexErrorData(e);
  const err = new Error(e instanceof Error ? e.message : String(e)) as Error & { data?: JSONValue };
  if (data !== undefined) err.data = data;
  return err;
}

/**
 * Re-throws an error from a nested call so `convex/server`'s syscall wrapper sees `data` as convex
 * JSON; its message is the inner error as printed, frames included, which Convex nests in the outer.
 */
export function nestedCallError(e: unknown): Error {
  const data = convexErrorData(e);
  const err = new Error(errorTrace(e).trace) as Error & { data?: JSONValue };
  if (data !== undefined) err.data = data;
  return err;
}
