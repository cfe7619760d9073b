import { convexToJson, type JSONValue, type Value } from "convex/values";

/** An error whose message is shown to the caller as is, optionally carrying ConvexError data. */
export class FunctionError extends Error {
  readonly data?: JSONValue;
  constructor(message: string, data?: JSONValue) {
    super(message);
    this.name = "FunctionError";
    this.data = data;
  }
}

export type FailedOutcome = { errorMessage: string; errorData?: JSONValue };

function isConvexError(e: unknown): e is Error & { data: unknown } {
  return (
    typeof e === "object" &&
    e !== null &&
    (Symbol.for("ConvexError") in e || "ConvexErrorSymbol" in e)
  );
}

/** ConvexError data as convex JSON, whether or not `convex/server` already serialized it. */
export function convexErrorData(e: unknown): JSONValue | undefined {
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

function errorText(e: unknown): string {
  if (e instanceof FunctionError) return e.message;
  if (e instanceof Error) {
    const name = isConvexError(e) ? "ConvexError" : e.name || "Error";
    return `Uncaught ${name}: ${e.message}`;
  }
  return `Uncaught ${String(e)}`;
}

export function failedOutcome(e: unknown, requestId: string): FailedOutcome {
  const errorData = convexErrorData(e);
  const outcome: FailedOutcome = {
    errorMessage: `[Request ID: ${requestId}] Server Error\n${errorText(e)}`,
  };
  if (errorData !== undefined) outcome.errorData = errorData;
  return outcome;
}

/** Re-throws an error from a nested call so `convex/server`'s syscall wrapper sees `data` as convex JSON. */
export function nestedCallError(e: unknown): Error {
  const data = convexErrorData(e);
  const message =
    e instanceof FunctionError ? e.message : e instanceof Error ? e.message : String(e);
  const err = new Error(message) as Error & { data?: JSONValue };
  if (data !== undefined) err.data = data;
  return err;
}
