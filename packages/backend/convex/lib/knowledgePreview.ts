import type { EntryId, RAG } from "@convex-dev/rag";

import type { QueryCtx } from "../_generated/server";

/** A preview shows this much of a file's extracted text; the rest is cut at a line break. */
export const PREVIEW_MAX_CHARS = 20_000;
const CHUNKS_PER_PAGE = 100;

/**
 * The text indexed for a knowledge file, rebuilt from its chunks in order. Chunks hold whole
 * blocks (paragraphs, lists, tables) separated by a blank line, so they are joined the same way.
 */
export async function extractedTextPreview(
  ctx: Pick<QueryCtx, "runQuery">,
  rag: Pick<RAG, "listChunks">,
  entryId: EntryId,
  maxChars = PREVIEW_MAX_CHARS,
): Promise<{ text: string; truncated: boolean }> {
  const parts: string[] = [];
  let length = 0;
  let cursor: string | null = null;
  for (;;) {
    const page = await rag.listChunks(ctx, {
      entryId,
      order: "asc",
      paginationOpts: { numItems: CHUNKS_PER_PAGE, cursor },
    });
    for (const chunk of page.page) {
      parts.push(chunk.text);
      length += chunk.text.length + 2;
      if (length > maxChars)
        return { text: cutAtLine(parts.join("\n\n"), maxChars), truncated: true };
    }
    if (page.isDone) break;
    cursor = page.continueCursor;
  }
  return { text: parts.join("\n\n"), truncated: false };
}

function cutAtLine(text: string, maxChars: number): string {
  const cut = text.slice(0, maxChars);
  const lastBreak = cut.lastIndexOf("\n");
  // A line longer than half the preview is cut mid-line rather than dropped.
  return lastBreak > maxChars / 2 ? cut.slice(0, lastBreak).trimEnd() : cut;
}
