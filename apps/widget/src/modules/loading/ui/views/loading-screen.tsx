"use client";

import { useTranslations } from "next-intl";

import { LoadingIndicator } from "../components/loading-indicator";

export function LoadingScreen() {
  const t = useTranslations("widget");
  return <LoadingIndicator label={t("loading")} />;
}
