"use client";

import { Button } from "@echo/ui/components/button";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";

import { type ChannelDay, type DayVolume, volumeCsv } from "../../lib/volume-csv";

/**
 * Downloads the period's per-day figures, each channel's beside them, as a CSV file named for its
 * first and last day.
 */
export function ExportCsvButton({
  days,
  channelDays,
}: {
  days: DayVolume[];
  channelDays: ChannelDay[] | undefined;
}) {
  const t = useTranslations("analytics");
  const tChart = useTranslations("analyticsChart");
  const tCsv = useTranslations("channelAnalytics.csv");
  const tChannel = useTranslations("channels");

  function download() {
    const csv = volumeCsv(
      days,
      {
        day: t("day"),
        conversations: t("conversations"),
        escalated: t("escalated"),
        resolvedByAgent: tChart("resolvedByAgent"),
      },
      channelDays && {
        days: channelDays,
        headers: (channel) => {
          const name = tChannel(channel);
          return {
            conversations: tCsv("conversations", { channel: name }),
            resolvedByAgent: tCsv("resolvedByAgent", { channel: name }),
            medianFirstResponseSeconds: tCsv("medianFirstResponseSeconds", { channel: name }),
            medianResolutionSeconds: tCsv("medianResolutionSeconds", { channel: name }),
          };
        },
      },
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `echo-conversations-${days[0]?.day}-to-${days.at(-1)?.day}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  return (
    <Button
      variant="outline"
      size="sm"
      onClick={download}
      disabled={days.length === 0 || channelDays === undefined}
    >
      <Download aria-hidden />
      {tChart("exportCsv")}
    </Button>
  );
}
