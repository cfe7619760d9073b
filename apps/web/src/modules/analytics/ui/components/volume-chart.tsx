import { cn } from "@echo/ui/lib/utils";
import { useFormatter, useTranslations } from "next-intl";

import { countAxis, labelledDayIndexes } from "../../lib/chart-scale";
import type { DayVolume } from "../../lib/volume-csv";

/** Dates under the chart; the phone's are a subset (every other one), so they stay evenly spaced. */
const WIDE_LABELS = 7;
const PHONE_LABELS = 4;

/**
 * Conversations per day as bars (escalated share darker) over a count axis, with dates under it.
 * The drawing is hidden from screen readers; the table below says the same.
 */
export function VolumeChart({ days }: { days: DayVolume[] }) {
  const t = useTranslations("analytics");
  const format = useFormatter();
  const axis = countAxis(Math.max(0, ...days.map((day) => day.conversations)));
  const labelled = labelledDayIndexes(days.length, WIDE_LABELS);
  // Every other wide label: a pt-BR date ("10 de dez.") is ~60 px, and a phone's chart ~320 px.
  const onPhones = new Set(labelledDayIndexes(days.length, PHONE_LABELS));
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
  const percentOfTop = (value: number) => `${(value / axis.top) * 100}%`;
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm font-medium">{t("perDay")}</figcaption>
      <div
        className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs text-muted-foreground"
        aria-hidden="true"
      >
        <div className="relative h-40 min-w-6" data-testid="volume-chart-y-axis">
          {axis.ticks.map((tick) => (
            <span
              key={tick}
              className="absolute right-0 translate-y-1/2 tabular-nums"
              style={{ bottom: percentOfTop(tick) }}
            >
              {format.number(tick)}
            </span>
          ))}
        </div>
        <div className="relative h-40 border-b border-l" data-testid="volume-chart">
          {axis.ticks.slice(1).map((tick) => (
            <div
              key={tick}
              className="absolute inset-x-0 border-t border-dashed"
              style={{ bottom: percentOfTop(tick) }}
            />
          ))}
          <div className="absolute inset-0 flex items-end gap-px">
            {days.map((day) => (
              <div
                key={day.day}
                className="relative flex-1 rounded-t bg-primary/30"
                style={{ height: percentOfTop(day.conversations) }}
                title={`${label(day.day)}: ${day.conversations}`}
              >
                <div
                  className="absolute inset-x-0 bottom-0 rounded-t bg-primary"
                  style={{
                    height: day.conversations ? `${(day.escalated / day.conversations) * 100}%` : 0,
                  }}
                />
              </div>
            ))}
          </div>
        </div>
        <span />
        <div className="relative h-5" data-testid="volume-chart-x-axis">
          {labelled.map((index) => (
            <span
              key={days[index]!.day}
              className={cn(
                "absolute top-1 -translate-x-1/2 whitespace-nowrap first:translate-x-0 last:-translate-x-full",
                !onPhones.has(index) && "hidden sm:inline",
              )}
              style={{ left: `${((index + 0.5) / days.length) * 100}%` }}
            >
              {label(days[index]!.day)}
            </span>
          ))}
        </div>
      </div>
      <table className="sr-only">
        <caption>{t("perDay")}</caption>
        <thead>
          <tr>
            <th>{t("day")}</th>
            <th>{t("conversations")}</th>
            <th>{t("escalated")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <td>{label(day.day)}</td>
              <td>{day.conversations}</td>
              <td>{day.escalated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
