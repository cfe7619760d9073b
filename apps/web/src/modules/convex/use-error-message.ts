"use client";

import { errorCodeOf } from "@echo/backend/convex/lib/errors";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

/** Turns a failed Convex call into a translated message for the operator. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      const code = errorCodeOf(error);
      return code ? t(code) : t("generic");
    },
    [t],
  );
}
