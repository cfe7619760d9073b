"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Badge } from "@echo/ui/components/badge";
import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";

import { ClerkPricingTable } from "@/modules/auth/ui/components/clerk-components";

import { AiUsagePanel } from "../components/ai-usage-panel";

/** Plan and status; Clerk's pricing table when billing is enforced, otherwise everything is included. */
export function BillingView() {
  const t = useTranslations("billing");
  const format = useFormatter();
  const billing = useQuery(api.private.billing.subscription);
  if (billing === undefined)
    return <div className="m-6 h-32 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  return (
    <section className="mx-auto grid max-w-3xl gap-6 p-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <Badge
          variant={billing.plan === "pro" ? "success" : "secondary"}
          data-testid="billing-plan"
        >
          {t(`plans.${billing.plan}`)}
        </Badge>
      </div>
      {billing.billingEnforced ? (
        <>
          {billing.subscription ? (
            <p className="text-sm">
              {t("status", { status: t(`statuses.${billing.subscription.status}`) })}
              {billing.subscription.currentPeriodEnd
                ? ` · ${t("renews", { date: format.dateTime(billing.subscription.currentPeriodEnd, { dateStyle: "medium" }) })}`
                : ""}
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">{t("noSubscription")}</p>
          )}
          <ClerkPricingTable for="organization" />
        </>
      ) : (
        <p className="rounded-lg border p-4 text-sm" data-testid="billing-self-hosted">
          {t("selfHosted")}
        </p>
      )}
      <AiUsagePanel />
    </section>
  );
}
