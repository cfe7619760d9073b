"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type { Rejection } from "./rejected-rows-csv";

/** Why a row was refused, in the admin's language, naming the column and its value. */
export function useReasonText() {
  const t = useTranslations("contactImport.reasons");
  return useCallback(
    ({ code, column, value }: Rejection["reason"]) =>
      t.has(code) ? t(code, { column: column ?? "", value: value ?? "" }) : code,
    [t],
  );
}
