import { useFormatter, useTranslations } from "next-intl";

import { barHeights } from "../../lib/duration";

type Day = { day: string; conversations: number; escalated: number };

/** Conversations per day as bars (escalated share darker); the table below is for screen readers. */
export function VolumeChart({ days }: { days: Day[] }) {
  const t = useTranslations("analytics");
  const format = useFormatter();
  const heights = barHeights(days.map((day) => day.conversations));
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), {
      day: "numeric",
      month: "short",
      timeZone: "UTC",
    });
  return (
    <figure className="grid gap-2">
      <figcaption className="text-sm font-medium">{t("perDay")}</figcaption>
      <div
        className="flex h-40 items-end gap-px border-b"
        aria-hidden="true"
        data-testid="volume-chart"
      >
        {days.map((day, index) => (
          <div
            key={day.day}
            className="relative flex-1 rounded-t bg-primary/30"
            style={{ height: `${heights[index]}%` }}
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
