"use client";

import { useWidgetBootstrap } from "@/modules/session/hooks/use-widget-bootstrap";

/** The loading phase's work (organization and stored session), mounted only while it lasts. */
export function SessionCheck() {
  useWidgetBootstrap();
  return null;
}
