"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { useCallback } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { type AiBudget, AiUsage } from "./ai-usage";

/** Plan and billing → Usage: live usage, the budget form for owners and admins. */
export function AiUsagePanel() {
  const usage = useQuery(api.private.usage.aiToday);
  const organization = useQuery(api.private.organization.current);
  const setBudget = useMutation(api.private.usage.setAiBudget);
  const errorMessage = useErrorMessage();
  const save = useCallback(
    async (budget: AiBudget) => {
      try {
        await setBudget(budget);
        return null;
      } catch (error) {
        return errorMessage(error);
      }
    },
    [errorMessage, setBudget],
  );
  if (usage === undefined || organization === undefined)
    return <div className="h-40 animate-pulse rounded-lg bg-muted" />;
  return <AiUsage usage={usage} canEdit={organization.role !== "member"} onSave={save} />;
}
