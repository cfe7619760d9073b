import Papa from "papaparse";

export type DayVolume = {
  day: string;
  conversations: number;
  escalated: number;
  resolvedByAgent: number;
};

/** The per-day figures as CSV (RFC 4180, ISO dates), with the column names the operator reads. */
export function volumeCsv(
  days: DayVolume[],
  headers: { day: string; conversations: string; escalated: string; resolvedByAgent: string },
): string {
  return Papa.unparse({
    fields: [headers.day, headers.conversations, headers.escalated, headers.resolvedByAgent],
    data: days.map((day) => [day.day, day.conversations, day.escalated, day.resolvedByAgent]),
  });
}
