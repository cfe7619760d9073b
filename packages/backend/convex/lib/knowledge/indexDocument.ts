import { embedMany } from "ai";

import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { ActionCtx } from "../../_generated/server";
import { models } from "../ai/models";
import { chunkBlocks } from "./chunkBlocks";
import { knowledgeBase } from "./knowledgeBase";
import { markdownBlocks } from "./markdownBlocks";

/** Bumped whenever extraction or chunking changes, so every file is indexed again once. */
export const INGESTION_VERSION = 2;

/**
 * Indexes a document's Markdown-like text in its organization's namespace, keyed by file so
 * re-adding replaces. Each chunk is embedded with its "file › section" path in front, so a
 * passage is found by what its section is about, and keeps that path to cite.
 */
export async function indexDocument(
  ctx: ActionCtx,
  args: { organizationId: string; fileId: Id<"knowledgeFiles">; name: string; text: string },
): Promise<void> {
  const chunks = chunkBlocks(args.name, markdownBlocks(args.text));
  if (chunks.length === 0) {
    await ctx.runMutation(internal.system.knowledge.files.markFailed, {
      fileId: args.fileId,
      error: "No text could be extracted from this file",
      ingestionVersion: INGESTION_VERSION,
    });
    return;
  }
  const m = models();
  const withContext = chunks.map((chunk) => `${chunk.section}\n${chunk.text}`);
  const { embeddings } = await embedMany({ model: m.embeddingModel, values: withContext });
  const { entryId } = await knowledgeBase(m).add(ctx, {
    namespace: args.organizationId,
    key: args.fileId,
    title: args.name,
    chunks: chunks.map((chunk, i) => ({
      text: chunk.text,
      metadata: { section: chunk.section },
      embedding: embeddings[i],
      keywords: withContext[i],
    })),
    metadata: { fileId: args.fileId, name: args.name },
  });
  await ctx.runMutation(internal.system.knowledge.files.markReady, {
    fileId: args.fileId,
    ragEntryId: entryId,
    ingestionVersion: INGESTION_VERSION,
  });
}
