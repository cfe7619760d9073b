"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";

import { useDurationLabel } from "../../hooks/use-duration-label";

/** Each operator's conversations in the period: handled, resolved, response and resolution times, CSAT. */
export function OperatorPerformance({ days }: { days: number }) {
  const t = useTranslations("operatorPerformance");
  const tAnalytics = useTranslations("analytics");
  const format = useFormatter();
  const data = useQuery(api.private.operatorAnalytics.performance, { days });

  const duration = useDurationLabel();

  return (
    <section className="grid gap-2" aria-labelledby="operator-performance-title">
      <h2 id="operator-performance-title" className="text-sm font-medium">
        {t("title")}
      </h2>
      {data === undefined ? (
        <div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
      ) : data.operators.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("title")}>
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-muted-foreground">
              <tr>
                <th className="py-2 pr-3">{t("operator")}</th>
                <th className="pr-3">{t("handled")}</th>
                <th className="pr-3">{t("resolved")}</th>
                <th className="pr-3">{t("medianFirstResponse")}</th>
                <th className="pr-3">{t("medianResolution")}</th>
                <th>{t("csat")}</th>
              </tr>
            </thead>
            <tbody>
              {data.operators.map((operator) => (
                <tr
                  key={operator.userId}
                  className="border-t"
                  data-testid={`operator-performance-${operator.userId}`}
                >
                  <td className="py-2 pr-3">{operator.name ?? operator.userId}</td>
                  <td className="pr-3">{format.number(operator.handled)}</td>
                  <td className="pr-3">{format.number(operator.resolved)}</td>
                  <td className="pr-3">{duration(operator.medianFirstResponseMs)}</td>
                  <td className="pr-3">{duration(operator.medianResolutionMs)}</td>
                  <td>
                    {operator.csat.satisfiedRate === null
                      ? tAnalytics("noData")
                      : t("csatValue", {
                          score: format.number(operator.csat.satisfiedRate, {
                            style: "percent",
                            maximumFractionDigits: 0,
                          }),
                          count: operator.csat.count,
                        })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
