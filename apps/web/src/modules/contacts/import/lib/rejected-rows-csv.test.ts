import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import { rejectedRowsCsv } from "./rejected-rows-csv";

describe("rejectedRowsCsv", () => {
  it("keeps the file's columns and adds the line and the reason", () => {
    const csv = rejectedRowsCsv(
      ["name", "phone"],
      [
        {
          row: 3,
          reason: { code: "INVALID_PHONE", column: "phone", value: "12345" },
          cells: ["Ana", "12345"],
        },
        { row: 7, reason: { code: "MISSING_IDENTITY" }, cells: ["=cmd()"] },
      ],
      { row: "Line", reason: "Reason" },
      (reason) => `${reason.code}${reason.value ? `: ${reason.value}` : ""}`,
    );
    expect(Papa.parse<string[]>(csv).data).toEqual([
      ["name", "phone", "Line", "Reason"],
      ["Ana", "12345", "3", "INVALID_PHONE: 12345"],
      ["'=cmd()", "", "7", "MISSING_IDENTITY"],
    ]);
  });
});
