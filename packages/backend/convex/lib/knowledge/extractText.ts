import { convert } from "html-to-text";
import Papa from "papaparse";
import { extractText as extractPdfText, getDocumentProxy } from "unpdf";

import { knowledgeFileKind } from "../knowledgeFileTypes";

function csvToText(csv: string): string {
  const { data, meta } = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: true,
  });
  const columns = meta.fields ?? [];
  // One paragraph per row keeps each record a retrievable unit with its column names.
  return data
    .map((row) =>
      columns
        .map((column) => (row[column] ? `${column}: ${String(row[column]).trim()}` : ""))
        .filter(Boolean)
        .join("\n"),
    )
    .filter(Boolean)
    .join("\n\n");
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "nav", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
    ],
  });
}

async function pdfToText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractPdfText(pdf, { mergePages: false });
  return text.map((page) => page.trim()).join("\n\n");
}

/** Plain text of a knowledge file, chosen by its name's extension. */
export async function extractText(name: string, blob: Blob): Promise<string> {
  switch (knowledgeFileKind(name)) {
    case "txt":
    case "md":
      return await blob.text();
    case "html":
    case "htm":
      return htmlToText(await blob.text());
    case "csv":
      return csvToText(await blob.text());
    case "pdf":
      return await pdfToText(await blob.arrayBuffer());
    default:
      throw new Error(`Unsupported file type: ${name}`);
  }
}
