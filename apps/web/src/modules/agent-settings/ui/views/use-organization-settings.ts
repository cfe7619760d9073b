"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useCallback } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import type { SaveStatus } from "../components/settings-form-shell";

type Change = { allowedDomains?: string[]; agentInstructions?: string };

/**
 * The organization's agent instructions and allowed domains, and a save that changes one and
 * keeps the other as it now is (the backend takes both).
 */
export function useOrganizationSettings() {
  const t = useTranslations("agentSettings");
  const errorMessage = useErrorMessage();
  const organization = useQuery(api.private.organization.current);
  const update = useMutation(api.private.organization.updateSettings);
  const save = useCallback(
    async (change: Change): Promise<SaveStatus> => {
      if (!organization) return null;
      try {
        await update({
          allowedDomains: change.allowedDomains ?? organization.allowedDomains,
          agentInstructions: change.agentInstructions ?? organization.agentInstructions ?? "",
        });
        return { kind: "saved", message: t("saved") };
      } catch (error) {
        return { kind: "error", message: errorMessage(error) };
      }
    },
    [organization, update, t, errorMessage],
  );
  const canEdit = organization ? organization.role !== "member" : false;
  return { organization, canEdit, save };
}
