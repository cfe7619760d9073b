"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";

type Figures = { count: number; average: number | null; satisfiedRate: number | null };

/** CSAT for the period: overall, and for conversations the AI resolved alone or with a person. */
export function CsatSection({ days }: { days: number }) {
  const t = useTranslations("csat.analytics");
  const format = useFormatter();
  const data = useQuery(api.private.csat.summary, { days });

  const score = ({ satisfiedRate }: Figures) =>
    satisfiedRate === null
      ? t("noRatings")
      : format.number(satisfiedRate, { style: "percent", maximumFractionDigits: 0 });
  const detail = ({ count, average }: Figures) =>
    average === null
      ? null
      : t("detail", { count, average: format.number(average, { maximumFractionDigits: 1 }) });

  return (
    <section className="grid gap-2" aria-labelledby="csat-title">
      <h2 id="csat-title" className="text-sm font-medium">
        {t("title")}
      </h2>
      {data === undefined ? (
        <div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
      ) : (
        <>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            {(["overall", "ai", "human"] as const).map((key) => (
              <div key={key} className="min-w-0 rounded-lg border p-4" data-testid={`csat-${key}`}>
                <dt className="text-xs text-muted-foreground">{t(key)}</dt>
                <dd className="text-2xl font-semibold">{score(data[key])}</dd>
                {detail(data[key]) ? (
                  <dd className="text-xs text-muted-foreground">{detail(data[key])}</dd>
                ) : null}
              </div>
            ))}
          </dl>
          <p className="text-xs text-muted-foreground">{t("explain")}</p>
          {data.recentComments.length > 0 ? (
            <div className="grid gap-1">
              <h3 className="text-xs font-medium text-muted-foreground">{t("recentComments")}</h3>
              <ul className="grid gap-1 text-sm">
                {data.recentComments.map((entry) => (
                  <li key={entry.conversationId} className="flex min-w-0 gap-2">
                    <span className="shrink-0 font-medium">
                      {t("rated", { rating: entry.rating })}
                    </span>
                    <q className="min-w-0 break-words">{entry.comment}</q>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
