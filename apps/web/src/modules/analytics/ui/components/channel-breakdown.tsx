"use client";

import type { Channel } from "@echo/backend/convex/lib/validators";
import { useFormatter, useTranslations } from "next-intl";

import { useDurationLabel } from "../../hooks/use-duration-label";

export type ChannelFigures = {
  channel: Channel;
  conversations: number;
  resolvedByAgent: number;
  aiResolutionRate: number | null;
  medianFirstResponseMs: number | null;
  medianResolutionMs: number | null;
};

/** The period's volume, AI resolution and median waits for each channel, one row each. */
export function ChannelBreakdown({ channels }: { channels: ChannelFigures[] | undefined }) {
  const t = useTranslations("channelAnalytics");
  const tAnalytics = useTranslations("analytics");
  const tChannel = useTranslations("channels");
  const format = useFormatter();
  const duration = useDurationLabel();

  return (
    <section className="grid gap-2" aria-labelledby="channel-analytics-title">
      <h2 id="channel-analytics-title" className="text-sm font-medium">
        {t("title")}
      </h2>
      {channels === undefined ? (
        <div className="h-24 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("title")}>
          <table className="w-full text-sm whitespace-nowrap">
            <thead className="text-left text-xs text-muted-foreground">
              <tr>
                <th className="py-2 pr-3">{t("channel")}</th>
                <th className="pr-3">{t("conversations")}</th>
                <th className="pr-3">{t("aiResolution")}</th>
                <th className="pr-3">{t("medianFirstResponse")}</th>
                <th>{t("medianResolution")}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((figures) => (
                <tr
                  key={figures.channel}
                  className="border-t"
                  data-testid={`channel-analytics-${figures.channel}`}
                >
                  <td className="py-2 pr-3">{tChannel(figures.channel)}</td>
                  <td className="pr-3">{format.number(figures.conversations)}</td>
                  <td className="pr-3">
                    {figures.aiResolutionRate === null
                      ? tAnalytics("noData")
                      : t("aiResolutionValue", {
                          rate: format.number(figures.aiResolutionRate, {
                            style: "percent",
                            maximumFractionDigits: 0,
                          }),
                          count: figures.resolvedByAgent,
                        })}
                  </td>
                  <td className="pr-3">{duration(figures.medianFirstResponseMs)}</td>
                  <td>{duration(figures.medianResolutionMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
