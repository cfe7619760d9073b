import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import { volumeCsv } from "./volume-csv";

const HEADERS = {
  day: "Dia",
  conversations: "Conversas",
  escalated: "Escaladas",
  resolvedByAgent: "Resolvidas pela IA, sem pessoa",
};

describe("volumeCsv", () => {
  it("writes one row per day under the translated column names", () => {
    const csv = volumeCsv(
      [
        { day: "2026-12-01", conversations: 4, escalated: 1, resolvedByAgent: 2 },
        { day: "2026-12-02", conversations: 0, escalated: 0, resolvedByAgent: 0 },
      ],
      HEADERS,
    );
    expect(csv.split("\r\n")).toEqual([
      'Dia,Conversas,Escaladas,"Resolvidas pela IA, sem pessoa"',
      "2026-12-01,4,1,2",
      "2026-12-02,0,0,0",
    ]);
  });

  it("reads back as the same table", () => {
    const csv = volumeCsv(
      [{ day: "2026-12-01", conversations: 3, escalated: 2, resolvedByAgent: 1 }],
      HEADERS,
    );
    expect(Papa.parse(csv).data).toEqual([
      ["Dia", "Conversas", "Escaladas", "Resolvidas pela IA, sem pessoa"],
      ["2026-12-01", "3", "2", "1"],
    ]);
  });
});

describe("volumeCsv by channel", () => {
  const figures = (
    channel: "chat" | "voice" | "whatsapp",
    conversations: number,
    resolvedByAgent = 0,
    medianFirstResponseMs: number | null = null,
    medianResolutionMs: number | null = null,
  ) => ({ channel, conversations, resolvedByAgent, medianFirstResponseMs, medianResolutionMs });

  it("adds each channel's volume, AI resolutions and median waits in seconds to the day's row", () => {
    const csv = volumeCsv(
      [
        { day: "2026-12-01", conversations: 5, escalated: 1, resolvedByAgent: 2 },
        { day: "2026-12-02", conversations: 0, escalated: 0, resolvedByAgent: 0 },
      ],
      HEADERS,
      {
        days: [
          {
            day: "2026-12-01",
            channels: [
              figures("chat", 2, 1, null, 120_400),
              figures("voice", 0),
              figures("whatsapp", 3, 1, 600_000, 1_800_000),
            ],
          },
          {
            day: "2026-12-02",
            channels: [figures("chat", 0), figures("voice", 0), figures("whatsapp", 0)],
          },
        ],
        headers: (channel) => ({
          conversations: `${channel}: conversas`,
          resolvedByAgent: `${channel}: resolvidas pela IA`,
          medianFirstResponseSeconds: `${channel}: primeira resposta (s)`,
          medianResolutionSeconds: `${channel}: resolução (s)`,
        }),
      },
    );
    const [header, first, second] = Papa.parse<string[]>(csv).data;
    expect(header!.slice(4)).toEqual([
      "chat: conversas",
      "chat: resolvidas pela IA",
      "chat: primeira resposta (s)",
      "chat: resolução (s)",
      "voice: conversas",
      "voice: resolvidas pela IA",
      "voice: primeira resposta (s)",
      "voice: resolução (s)",
      "whatsapp: conversas",
      "whatsapp: resolvidas pela IA",
      "whatsapp: primeira resposta (s)",
      "whatsapp: resolução (s)",
    ]);
    expect(first).toEqual([
      "2026-12-01",
      "5",
      "1",
      "2",
      "2",
      "1",
      "",
      "120",
      "0",
      "0",
      "",
      "",
      "3",
      "1",
      "600",
      "1800",
    ]);
    expect(second!.slice(4)).toEqual(["0", "0", "", "", "0", "0", "", "", "0", "0", "", ""]);
  });
});
