import Papa from "papaparse";
import { describe, expect, test } from "vitest";

import { errorCodeOf } from "../errors";
import { parseImportInSlices } from "./importFile";

/** Rows with quoted cells holding commas, quotes and line breaks, some across slice boundaries. */
const csv = (rows: number) =>
  [
    "name,notes",
    ...Array.from(
      { length: rows },
      (_, i) => `Person ${i},"line one, ""quoted""\nline two of ${i}${"x".repeat(i % 97)}"`,
    ),
  ].join("\r\n");

async function slices(text: string, keepGoing = () => true) {
  const seen: { headers: string[]; rows: string[][] }[] = [];
  await parseImportInSlices(text, async (headers, rows) => {
    seen.push({ headers, rows });
    return keepGoing();
  });
  return seen;
}

describe("parseImportInSlices", () => {
  test("a large file comes in several slices holding every row once, in order", async () => {
    const text = csv(5000);
    const seen = await slices(text);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(({ headers }) => headers.join() === "name,notes")).toBe(true);
    const rows = seen.flatMap(({ rows }) => rows);
    expect(rows).toEqual(Papa.parse<string[]>(text, { skipEmptyLines: "greedy" }).data.slice(1));
  });

  test("stops when a slice says so, and refuses a file without a header", async () => {
    let calls = 0;
    const seen = await slices(csv(5000), () => ++calls < 2);
    expect(seen).toHaveLength(2);
    const refused = await slices("ana@example.com,+5511987650001\n").catch(errorCodeOf);
    expect(refused).toBe("IMPORT_NO_HEADER");
    expect(await slices("").catch(errorCodeOf)).toBe("IMPORT_NO_HEADER");
  });
});
