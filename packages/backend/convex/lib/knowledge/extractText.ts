import { knowledgeFileKind } from "../knowledgeFileTypes";
import type { Block } from "./blocks";
import { csvText } from "./csvText";
import { htmlText } from "./htmlText";
import { markdownBlocks } from "./markdownBlocks";
import { pdfLines } from "./pdfLines";
import { pdfText } from "./pdfText";

/** Markdown-like text of a knowledge file, chosen by its name's extension. */
export async function extractText(name: string, blob: Blob): Promise<string> {
  switch (knowledgeFileKind(name)) {
    case "txt":
    case "md":
      return await blob.text();
    case "html":
    case "htm":
      return htmlText(await blob.text());
    case "csv":
      return csvText(await blob.text());
    case "pdf":
      return pdfText(await pdfLines(await blob.arrayBuffer()));
    default:
      throw new Error(`Unsupported file type: ${name}`);
  }
}

/** A knowledge file as blocks of whole text under their headings. */
export async function extractBlocks(name: string, blob: Blob): Promise<Block[]> {
  return markdownBlocks(await extractText(name, blob));
}
