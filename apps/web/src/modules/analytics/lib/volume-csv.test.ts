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
