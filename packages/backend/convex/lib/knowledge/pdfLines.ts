import { getDocumentProxy } from "unpdf";

/** One printed line of a PDF page: its text, font size and the gap above it. */
export type PdfLine = { text: string; size: number; gapAbove: number };

type TextItem = { str: string; transform: number[]; height: number };

/** Reads each page's lines with their size and spacing, which is where a PDF keeps its structure. */
export async function pdfLines(bytes: ArrayBuffer): Promise<PdfLine[][]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: PdfLine[][] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const rows = new Map<
      number,
      { y: number; size: number; parts: { x: number; str: string }[] }
    >();
    for (const raw of content.items) {
      const item = raw as Partial<TextItem>;
      if (typeof item.str !== "string" || !item.transform || !item.str.trim()) continue;
      const y = Math.round(item.transform[5]!);
      const size = Math.abs(item.transform[3]!) || item.height || 0;
      const row = rows.get(y) ?? { y, size: 0, parts: [] };
      row.size = Math.max(row.size, size);
      row.parts.push({ x: item.transform[4]!, str: item.str });
      rows.set(y, row);
    }
    const ordered = [...rows.values()].sort((a, b) => b.y - a.y);
    pages.push(
      ordered.map((row, i) => ({
        text: row.parts
          .sort((a, b) => a.x - b.x)
          .map((part) => part.str)
          .join(" ")
          .replace(/\s+/g, " ")
          .trim(),
        size: Math.round(row.size * 10) / 10,
        gapAbove: i === 0 ? 0 : ordered[i - 1]!.y - row.y - row.size,
      })),
    );
  }
  return pages;
}
