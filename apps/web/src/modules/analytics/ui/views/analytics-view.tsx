"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { cn } from "@echo/ui/lib/utils";
import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { useDurationLabel } from "../../hooks/use-duration-label";
import { ChannelBreakdown } from "../components/channel-breakdown";
import { CsatSection } from "../components/csat-section";
import { ExportCsvButton } from "../components/export-csv-button";
import { OperatorPerformance } from "../components/operator-performance";
import { VolumeChart } from "../components/volume-chart";

const PERIODS = [7, 30, 90] as const;

export function AnalyticsView() {
  const t = useTranslations("analytics");
  const format = useFormatter();
  const [days, setDays] = useState<(typeof PERIODS)[number]>(30);
  const data = useQuery(api.private.analytics.overview, { days });
  const byChannel = useQuery(api.private.channelAnalytics.byChannel, { days });

  const percent = (value: number | null) =>
    value === null
      ? t("noData")
      : format.number(value, { style: "percent", maximumFractionDigits: 0 });
  const duration = useDurationLabel();

  return (
    <section className="mx-auto grid max-w-5xl grid-cols-1 gap-6 p-4 md:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <div role="group" aria-label={t("period")} className="flex gap-1">
            {PERIODS.map((period) => (
              <button
                key={period}
                type="button"
                aria-pressed={days === period}
                onClick={() => setDays(period)}
                className={cn(
                  "rounded-md border px-2 py-1 text-xs",
                  days === period
                    ? "border-primary bg-primary text-primary-foreground"
                    : "hover:bg-accent",
                )}
              >
                {t("lastDays", { days: period })}
              </button>
            ))}
          </div>
          <ExportCsvButton days={data?.volumePerDay ?? []} channelDays={byChannel?.perDay} />
        </div>
      </div>
      {data === undefined ? (
        <SkeletonList label={t("loading")} rows={4} avatar={false} />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
            {[
              ["openNow", format.number(data.openNow.total)],
              ["conversations", format.number(data.totals.conversations)],
              ["aiResolutionRate", percent(data.aiResolutionRate)],
              ["escalationRate", percent(data.escalationRate)],
              ["medianFirstResponse", duration(data.medianFirstHumanResponseMs)],
            ].map(([key, value]) => (
              <div key={key} className="min-w-0 rounded-lg border p-4" data-testid={`stat-${key}`}>
                <dt className="text-xs text-muted-foreground">{t(`stats.${key}`)}</dt>
                <dd className="text-2xl font-semibold">{value}</dd>
                {key === "openNow" ? (
                  <dd className="text-xs text-muted-foreground">
                    {t("openNowDetail", { escalated: data.openNow.escalated })}
                  </dd>
                ) : null}
              </div>
            ))}
          </dl>
          <VolumeChart days={data.volumePerDay} />
          <ChannelBreakdown channels={byChannel?.channels} />
          <div className="grid gap-2">
            <h2 className="text-sm font-medium">{t("operators")}</h2>
            {data.operators.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noOperators")}</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="text-left text-xs text-muted-foreground">
                    <tr>
                      <th className="py-2">{t("operator")}</th>
                      <th>{t("replies")}</th>
                      <th>{t("firstResponses")}</th>
                      <th>{t("resolved")}</th>
                      <th>{t("medianFirstResponse")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.operators.map((operator) => (
                      <tr key={operator.userId} className="border-t">
                        <td className="py-2">{operator.name ?? operator.userId}</td>
                        <td>{operator.replies}</td>
                        <td>{operator.firstResponses}</td>
                        <td>{operator.resolved}</td>
                        <td>{duration(operator.medianFirstResponseMs)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          <CsatSection days={days} />
          <OperatorPerformance days={days} />
        </>
      )}
    </section>
  );
}
