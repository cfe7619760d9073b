"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

/** The organization as the backend sees it: proves the operator's token reached Convex. */
export function OrganizationName() {
  const t = useTranslations("dashboard");
  const organization = useQuery(api.private.organization.current);
  if (organization === undefined) {
    return (
      <span
        className="h-4 w-24 animate-pulse rounded bg-muted"
        aria-label={t("loadingOrganization")}
      />
    );
  }
  return (
    <span className="truncate text-sm text-muted-foreground" data-testid="organization-name">
      {organization.name ?? t("unnamedOrganization")}
    </span>
  );
}
