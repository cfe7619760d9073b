import { v } from "convex/values";

import { internal } from "../../_generated/api";
import { internalAction } from "../../_generated/server";
import { extractText } from "../../lib/knowledge/extractText";
import { indexDocument, INGESTION_VERSION } from "../../lib/knowledge/indexDocument";
import { logEvent } from "../../lib/logging/log";

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
      logEvent("error", "knowledge.ingest.failed", {
        organizationId: file.organizationId,
        fileId,
        error: String(error),
      });
      const reason = error instanceof Error ? error.message : String(error);
      await ctx.runMutation(internal.system.knowledge.files.markFailed, {
        fileId,
        error: reason.slice(0, 500),
        ingestionVersion: INGESTION_VERSION,
      });
    }
  },
});
