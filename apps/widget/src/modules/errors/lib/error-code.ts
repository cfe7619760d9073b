import { ERROR_CODES, errorCodeOf as backendErrorCode } from "@echo/backend/convex/lib/errors";

export { ERROR_CODES };

/** A backend error code, or UNKNOWN for anything the widget cannot explain more precisely. */
export type ErrorCode = (typeof ERROR_CODES)[number] | "UNKNOWN";

export function errorCodeOf(error: unknown): ErrorCode {
  return backendErrorCode(error) ?? "UNKNOWN";
}
