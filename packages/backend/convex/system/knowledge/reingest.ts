import { v } from "convex/values";

import { internal } from "../../_generated/api";
import { internalMutation } from "../../_generated/server";
import { INGESTION_VERSION } from "../../lib/knowledge/indexDocument";

const BATCH = 50;

/**
 * The upgrade migration: every file indexed by an older ingestion is indexed again, once.
 * Idempotent (files already at the current version are not touched), so it runs at every start
 * and from a cron; a batch at a time, rescheduling itself until none is left.
 */
export const reingestOutdated = internalMutation({
  args: { cursor: v.optional(v.union(v.string(), v.null())) },
  handler: async (ctx, { cursor }) => {
    const page = await ctx.db
      .query("knowledgeFiles")
      .withIndex("by_ingestionVersion", (q) => q.lt("ingestionVersion", INGESTION_VERSION))
      .paginate({ numItems: BATCH, cursor: cursor ?? null });
    const seeded = new Map<string, (typeof page.page)[number]["_id"][]>();
    let scheduled = 0;
    for (const file of page.page) {
      // An upload being processed right now is indexed by the current code already.
      if (file.status === "processing") continue;
      if (file.storageId) {
        await ctx.db.patch(file._id, { status: "processing", error: undefined });
        await ctx.scheduler.runAfter(0, internal.system.knowledge.ingest.ingestFile, {
          fileId: file._id,
        });
        scheduled++;
      } else if (file.seedKey) {
        await ctx.db.patch(file._id, { status: "processing", error: undefined });
        seeded.set(file.organizationId, [...(seeded.get(file.organizationId) ?? []), file._id]);
        scheduled++;
      }
    }
    for (const [organizationId, fileIds] of seeded) {
      await ctx.scheduler.runAfter(0, internal.system.seed.indexDocuments, {
        organizationId,
        fileIds,
      });
    }
    if (!page.isDone) {
      await ctx.scheduler.runAfter(0, internal.system.knowledge.reingest.reingestOutdated, {
        cursor: page.continueCursor,
      });
    }
    return scheduled;
  },
});
