import { ConvexError } from "convex/values";

/** Stable codes the apps translate; the message is for logs and developers. */
export type ErrorCode =
  | "SESSION_EXPIRED"
  | "NOT_FOUND"
  | "UNAUTHORIZED"
  | "RATE_LIMITED"
  | "CONVERSATION_RESOLVED"
  | "PLAN_REQUIRED"
  | "INVALID_FILE"
  | "INVALID_INPUT"
  | "INVALID_CREDENTIALS"
  | "NOT_CONFIGURED"
  | "UPSTREAM_UNAVAILABLE";

export type ErrorData = { code: ErrorCode; message: string; retryAfter?: number };

export function fail(code: ErrorCode, message: string, extra?: { retryAfter?: number }): never {
  throw new ConvexError<ErrorData>({ code, message, ...extra });
}
