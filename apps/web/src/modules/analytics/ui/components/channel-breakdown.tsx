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

// On phones each channel's row stacks into a card: every figure under its own column's name.
const STACKED_CELL =
  "pr-3 max-md:before:block max-md:before:text-xs max-md:before:text-muted-foreground max-md:before:content-[attr(data-label)]";

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
          <table className="w-full text-sm md:whitespace-nowrap">
            <thead className="text-left text-xs text-muted-foreground max-md:sr-only">
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
                  className="border-t max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-2 max-md:py-3"
                  data-testid={`channel-analytics-${figures.channel}`}
                >
                  <td className="py-2 pr-3 max-md:col-span-2 max-md:py-0 max-md:font-medium">
                    {tChannel(figures.channel)}
                  </td>
                  <td className={STACKED_CELL} data-label={t("conversations")}>
                    {format.number(figures.conversations)}
                  </td>
                  <td className={STACKED_CELL} data-label={t("aiResolution")}>
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
                  <td className={STACKED_CELL} data-label={t("medianFirstResponse")}>
                    {duration(figures.medianFirstResponseMs)}
                  </td>
                  <td className={STACKED_CELL} data-label={t("medianResolution")}>
                    {duration(figures.medianResolutionMs)}
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
