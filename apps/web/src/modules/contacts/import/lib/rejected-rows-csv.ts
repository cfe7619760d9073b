import Papa from "papaparse";

export type Rejection = {
  row: number;
  reason: { code: string; column?: string; value?: string };
  cells: string[];
};

/**
 * The refused rows as a CSV the admin can fix and import again: the file's own columns, then the
 * line number and the reason in the admin's language.
 */
export function rejectedRowsCsv(
  headers: string[],
  rejections: Rejection[],
  labels: { row: string; reason: string },
  reasonText: (reason: Rejection["reason"]) => string,
): string {
  const data = rejections.map(({ row, reason, cells }) => [
    ...headers.map((_, index) => cells[index] ?? ""),
    String(row),
    reasonText(reason),
  ]);
  // A cell starting with = + - @ is escaped so a spreadsheet never runs it as a formula.
  return Papa.unparse(
    { fields: [...headers, labels.row, labels.reason], data },
    { escapeFormulae: true },
  );
}
