import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import { applyImportRow, insertRejections } from "../lib/contacts/importApply";

/**
 * One batch of rows written in its own transaction, then the next scheduled: a large file never
 * holds one long transaction, so the dashboard's queries run between batches.
 */
export const apply = internalMutation({
  args: { jobId: v.id("contactImports"), index: v.number() },
  handler: async (ctx, { jobId, index }) => {
    const job = await ctx.db.get(jobId);
    const batch = await ctx.db
      .query("contactImportBatches")
      .withIndex("by_job_and_index", (q) => q.eq("jobId", jobId).eq("index", index))
      .unique();
    if (!job || !batch || job.status !== "importing") return;
    const counts = { imported: 0, updated: 0, skipped: 0 };
    const rejections = [];
    const now = Date.now();
    for (const row of batch.rows) {
      const outcome = await applyImportRow(ctx, job.organizationId, row, job.mode, now);
      if (typeof outcome === "string") counts[outcome] += 1;
      else rejections.push({ row: row.row, cells: row.cells, reason: outcome });
    }
    await insertRejections(ctx, job.organizationId, jobId, rejections);
    await ctx.db.delete(batch._id);
    const last = index + 1 >= job.batches;
    await ctx.db.patch(jobId, {
      imported: job.imported + counts.imported,
      updated: job.updated + counts.updated,
      skipped: job.skipped + counts.skipped,
      rejected: job.rejected + rejections.length,
      processedRows: job.processedRows + batch.rows.length,
      ...(last ? { status: "done" as const, finishedAt: Date.now() } : {}),
    });
    if (!last)
      await ctx.scheduler.runAfter(0, internal.system.contactImportBatch.apply, {
        jobId,
        index: index + 1,
      });
  },
});
