/**
 * A knowledge file as Echo reads it: blocks of whole text, each under the headings it sits in.
 * Paragraphs are one line however the file wrapped them; a list keeps one item per line ("- …");
 * a table keeps one row per line ("| … |"), so neither is ever cut apart.
 */
export type BlockKind = "paragraph" | "list" | "table";

export type Block = { kind: BlockKind; text: string; headings: string[] };

/** The separator between a file's name and its headings in a chunk's context ("file › section"). */
export const PATH_SEPARATOR = " › ";

export function sectionPath(fileName: string, headings: string[]): string {
  return [fileName, ...headings].join(PATH_SEPARATOR);
}

export function kindOfBlockText(text: string): BlockKind {
  if (/^\|/.test(text)) return "table";
  if (/^(?:[-*+]|\d+[.)])\s/.test(text)) return "list";
  return "paragraph";
}
