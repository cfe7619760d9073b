"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

import type { Stage } from "../lib/contact-form-values";

/** A lifecycle stage's name: the organization's own label, or the translated default. */
export function useStageLabel() {
  const t = useTranslations("contacts.stages");
  const settings = useQuery(api.private.contactFields.list, {});
  return useCallback((stage: Stage) => settings?.stageLabels[stage] ?? t(stage), [settings, t]);
}
