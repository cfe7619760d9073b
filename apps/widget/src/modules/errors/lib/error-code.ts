import { ConvexError } from "convex/values";

/** The backend's stable error codes (packages/backend/convex/lib/errors.ts); each has a message. */
export const ERROR_CODES = [
  "SESSION_EXPIRED",
  "NOT_FOUND",
  "UNAUTHORIZED",
  "RATE_LIMITED",
  "CONVERSATION_RESOLVED",
  "PLAN_REQUIRED",
  "INVALID_FILE",
  "INVALID_INPUT",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number] | "UNKNOWN";

export function errorCodeOf(error: unknown): ErrorCode {
  if (error instanceof ConvexError) {
    const code = (error.data as { code?: unknown } | null)?.code;
    const known = ERROR_CODES.find((candidate) => candidate === code);
    if (known) return known;
  }
  return "UNKNOWN";
}
