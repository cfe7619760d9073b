import Papa from "papaparse";

/**
 * A CSV as one Markdown table: the header row once, then one row per record, so a price list
 * stays a table whose rows each name what they are.
 */
export function csvText(csv: string): string {
  const { data } = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true });
  const rows = data.map((row) => row.map((cell) => String(cell).replace(/\s+/g, " ").trim()));
  return rows.map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}
