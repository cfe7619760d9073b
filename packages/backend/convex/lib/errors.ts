import { ConvexError } from "convex/values";

/** Stable codes the apps translate; the message is for logs and developers. */
export const ERROR_CODES = [
  "SESSION_EXPIRED",
  "NOT_FOUND",
  "UNAUTHORIZED",
  "RATE_LIMITED",
  "CONVERSATION_RESOLVED",
  "PLAN_REQUIRED",
  "INVALID_FILE",
  "INVALID_INPUT",
  "INVALID_CREDENTIALS",
  "NOT_CONFIGURED",
  "UPSTREAM_UNAVAILABLE",
  "CHALLENGE_FAILED",
  "INVALID_EMAIL",
  "INVALID_PHONE",
  "INVALID_FIELD_VALUE",
  "CONTACT_EXISTS",
  "IDENTITY_REFUSED",
  "IMPORT_TOO_LARGE",
  "IMPORT_NOT_UTF8",
  "IMPORT_NO_HEADER",
  "ALREADY_RATED",
  "INVALID_URL",
  "WHATSAPP_WINDOW_CLOSED",
  "SEGMENT_EXISTS",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What a custom field takes, said when a value is refused ("defined": no such field). */
export const FIELD_EXPECTATIONS = [
  "defined",
  "text",
  "number",
  "boolean",
  "date",
  "option",
] as const;
export type FieldExpectation = (typeof FIELD_EXPECTATIONS)[number];

/**
 * `field` names the custom field a refused value was for, so a form can show it beside it, and
 * `expected` what that field takes, so the form can say why.
 */
export type ErrorData = {
  code: ErrorCode;
  message: string;
  retryAfter?: number;
  field?: string;
  expected?: FieldExpectation;
};

export function fail(
  code: ErrorCode,
  message: string,
  extra?: { retryAfter?: number; field?: string; expected?: FieldExpectation },
): never {
  throw new ConvexError<ErrorData>({ code, message, ...extra });
}

// Convex marks its errors with this registered symbol, so the check holds across copies of the package.
const CONVEX_ERROR_MARK = Symbol.for("ConvexError");

/** The code of a ConvexError thrown by `fail`, as a client receives it; null for anything else. */
export function errorCodeOf(error: unknown): ErrorCode | null {
  if (typeof error !== "object" || error === null) return null;
  if ((error as Record<symbol, unknown>)[CONVEX_ERROR_MARK] !== true) return null;
  const code = ((error as { data?: unknown }).data as { code?: unknown } | null)?.code;
  return ERROR_CODES.find((known) => known === code) ?? null;
}

/** The custom field a ConvexError from `fail` names, if any. */
export function errorFieldOf(error: unknown): string | null {
  if (errorCodeOf(error) === null) return null;
  const field = ((error as { data?: unknown }).data as { field?: unknown }).field;
  return typeof field === "string" ? field : null;
}

/** What the refused custom field takes, from a ConvexError thrown by `fail`; null if unsaid. */
export function errorExpectationOf(error: unknown): FieldExpectation | null {
  if (errorCodeOf(error) === null) return null;
  const expected = ((error as { data?: unknown }).data as { expected?: unknown }).expected;
  return FIELD_EXPECTATIONS.find((known) => known === expected) ?? null;
}
