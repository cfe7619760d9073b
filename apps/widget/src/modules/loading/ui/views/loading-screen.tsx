"use client";

import { useShellText } from "@/i18n/use-shell-text";

import { LoadingIndicator } from "../components/loading-indicator";

export function LoadingScreen() {
  return <LoadingIndicator label={useShellText().loading} />;
}
