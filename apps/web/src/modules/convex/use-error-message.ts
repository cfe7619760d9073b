"use client";

import { ConvexError } from "convex/values";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

const KNOWN_CODES = [
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
] as const;

/** The stable `code` of a ConvexError the backend threw for the user, if any. */
export function errorCode(error: unknown): (typeof KNOWN_CODES)[number] | null {
  if (!(error instanceof ConvexError)) return null;
  const code = (error.data as { code?: unknown } | null)?.code;
  return KNOWN_CODES.find((known) => known === code) ?? null;
}

/** Turns a failed Convex call into a translated message for the operator. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      const code = errorCode(error);
      return code ? t(code) : t("generic");
    },
    [t],
  );
}
