import { sectionPath, type Block } from "./blocks";
import { splitSentences } from "./sentences";

/** Soft upper bound on a chunk's text; one block or sentence longer than this stays whole. */
export const MAX_CHUNK_CHARS = 700;

/** A retrievable passage: whole blocks of one section, with that section's path as context. */
export type KnowledgeChunk = { text: string; section: string };

/** A block cut into pieces no longer than the limit: a paragraph at sentences, a list at items, a table at rows (header repeated). */
function pieces(block: Block): string[] {
  if (block.text.length <= MAX_CHUNK_CHARS) return [block.text];
  const [header, ...rows] = block.text.split("\n");
  const units =
    block.kind === "paragraph"
      ? splitSentences(block.text)
      : block.kind === "list"
        ? block.text.split("\n")
        : rows;
  const joiner = block.kind === "paragraph" ? " " : "\n";
  const prefix = block.kind === "table" ? `${header}\n` : "";
  const out: string[] = [];
  let current = "";
  for (const unit of units) {
    if (current && prefix.length + current.length + unit.length + 1 > MAX_CHUNK_CHARS) {
      out.push(prefix + current);
      current = "";
    }
    current = current ? `${current}${joiner}${unit}` : unit;
  }
  if (current) out.push(prefix + current);
  return out;
}

/**
 * Packs a file's blocks into chunks that never mix sections and never end mid-sentence: blocks
 * are joined by a blank line until the next one would pass the limit.
 */
export function chunkBlocks(fileName: string, blocks: Block[]): KnowledgeChunk[] {
  const chunks: KnowledgeChunk[] = [];
  let section = "";
  let parts: string[] = [];
  let length = 0;
  const flush = () => {
    if (parts.length) chunks.push({ text: parts.join("\n\n"), section });
    parts = [];
    length = 0;
  };
  for (const block of blocks) {
    const path = sectionPath(fileName, block.headings);
    if (path !== section) {
      flush();
      section = path;
    }
    for (const piece of pieces(block)) {
      if (parts.length && length + piece.length + 2 > MAX_CHUNK_CHARS) flush();
      parts.push(piece);
      length += piece.length + 2;
    }
  }
  flush();
  return chunks;
}
