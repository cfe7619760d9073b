"use client";

import { useTranslations } from "next-intl";

import { durationParts } from "../lib/duration";

/** "3 h 5 min"-style labels in the dashboard's language; "no data" for a missing duration. */
export function useDurationLabel() {
  const t = useTranslations("analytics");
  return (ms: number | null) =>
    ms === null
      ? t("noData")
      : durationParts(ms)
          .map((part) => t(`units.${part.unit}`, { value: part.value }))
          .join(" ");
}
