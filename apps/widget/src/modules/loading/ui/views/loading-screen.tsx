"use client";

import { useTranslations } from "next-intl";

import { useWidgetBootstrap } from "@/modules/session/hooks/use-widget-bootstrap";

import { LoadingIndicator } from "../components/loading-indicator";

export function LoadingScreen() {
  useWidgetBootstrap();
  const t = useTranslations("widget");
  return <LoadingIndicator label={t("loading")} />;
}
