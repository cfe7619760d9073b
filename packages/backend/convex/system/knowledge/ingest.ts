import { defaultChunker } from "@convex-dev/rag";
import { v } from "convex/values";

import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import { internalAction, type ActionCtx } from "../../_generated/server";
import { extractText } from "../../lib/knowledge/extractText";
import { knowledgeBase } from "../../lib/knowledge/knowledgeBase";

/** Paragraph-sized chunks: a passage then holds one answer, which keeps similarity sharp. */
const CHUNKING = { minCharsSoftLimit: 100, maxCharsSoftLimit: 300 };

/** Indexes a document's text in its organization's namespace, keyed by file so re-adding replaces. */
export async function indexDocument(
  ctx: ActionCtx,
  args: { organizationId: string; fileId: Id<"knowledgeFiles">; name: string; text: string },
): Promise<void> {
  const text = args.text.trim();
  if (!text) {
    await ctx.runMutation(internal.system.knowledge.files.markFailed, {
      fileId: args.fileId,
      error: "No text could be extracted from this file",
    });
    return;
  }
  const { entryId } = await knowledgeBase().add(ctx, {
    namespace: args.organizationId,
    key: args.fileId,
    title: args.name,
    chunks: defaultChunker(text, CHUNKING),
    metadata: { fileId: args.fileId, name: args.name },
  });
  await ctx.runMutation(internal.system.knowledge.files.markReady, {
    fileId: args.fileId,
    ragEntryId: entryId,
  });
}

/** Runs after an upload: extract text, embed and index it, and record the outcome on the file. */
export const ingestFile = internalAction({
  args: { fileId: v.id("knowledgeFiles") },
  handler: async (ctx, { fileId }) => {
    const file = await ctx.runQuery(internal.system.knowledge.files.get, { fileId });
    if (!file?.storageId) return;
    try {
      const blob = await ctx.storage.get(file.storageId);
      if (!blob) throw new Error("The uploaded file is gone from storage");
      const text = await extractText(file.name, blob);
      await indexDocument(ctx, {
        organizationId: file.organizationId,
        fileId,
        name: file.name,
        text,
      });
    } catch (error) {
      console.error("Knowledge ingestion failed", { fileId, error: String(error) });
      const reason = error instanceof Error ? error.message : String(error);
      await ctx.runMutation(internal.system.knowledge.files.markFailed, {
        fileId,
        error: reason.slice(0, 500),
      });
    }
  },
});
