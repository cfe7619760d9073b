import type { Channel } from "@echo/backend/convex/lib/validators";
import Papa from "papaparse";

export type DayVolume = {
  day: string;
  conversations: number;
  escalated: number;
  resolvedByAgent: number;
};

/** One channel's figures on one day, as private.channelAnalytics.byChannel returns them. */
export type ChannelDayFigures = {
  channel: Channel;
  conversations: number;
  resolvedByAgent: number;
  medianFirstResponseMs: number | null;
  medianResolutionMs: number | null;
};
export type ChannelDay = { day: string; channels: ChannelDayFigures[] };

/** The column names of one channel's figures, in the operator's language. */
export type ChannelHeaders = (channel: Channel) => {
  conversations: string;
  resolvedByAgent: string;
  medianFirstResponseSeconds: string;
  medianResolutionSeconds: string;
};

const seconds = (ms: number | null) => (ms === null ? "" : Math.round(ms / 1000));

/**
 * The per-day figures as CSV (RFC 4180, ISO dates), with the column names the operator reads;
 * with `byChannel`, each channel's volume, AI resolutions and median waits (in seconds, empty
 * when there was none) follow on the same day's row.
 */
export function volumeCsv(
  days: DayVolume[],
  headers: { day: string; conversations: string; escalated: string; resolvedByAgent: string },
  byChannel?: { days: ChannelDay[]; headers: ChannelHeaders },
): string {
  const channels = byChannel?.days[0]?.channels.map((figures) => figures.channel) ?? [];
  const channelDays = new Map(byChannel?.days.map((entry) => [entry.day, entry.channels]));
  return Papa.unparse({
    fields: [
      headers.day,
      headers.conversations,
      headers.escalated,
      headers.resolvedByAgent,
      ...channels.flatMap((channel) => Object.values(byChannel!.headers(channel))),
    ],
    data: days.map((day) => [
      day.day,
      day.conversations,
      day.escalated,
      day.resolvedByAgent,
      ...channels.flatMap((channel) => {
        const figures = channelDays.get(day.day)?.find((entry) => entry.channel === channel);
        return [
          figures?.conversations ?? 0,
          figures?.resolvedByAgent ?? 0,
          seconds(figures?.medianFirstResponseMs ?? null),
          seconds(figures?.medianResolutionMs ?? null),
        ];
      }),
    ]),
  });
}
