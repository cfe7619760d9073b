import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalAction, internalMutation } from "../_generated/server";
import { applyImportRow, insertRejections } from "../lib/contacts/importApply";
import { errorCodeOf } from "../lib/errors";

/** Batches one action drives before it hands over to a fresh one. */
const BATCHES_PER_RUN = 25;

/**
 * One batch of rows written in its own transaction: a large file never holds one long
 * transaction, so the dashboard's queries run between batches. Returns whether more follow.
 */
export const apply = internalMutation({
  args: { jobId: v.id("contactImports"), index: v.number() },
  handler: async (ctx, { jobId, index }) => {
    const job = await ctx.db.get(jobId);
    const batch = await ctx.db
      .query("contactImportBatches")
      .withIndex("by_job_and_index", (q) => q.eq("jobId", jobId).eq("index", index))
      .unique();
    if (!job || !batch || job.status !== "importing") return false;
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
    return !last;
  },
});

/**
 * Writes the batches in order from `index`. A batch whose mutation fails (nothing of it is
 * written) marks the import failed at that batch, with the reason, for the admin to retry or
 * discard; a scheduled mutation that failed alone left the import "importing" for good.
 */
export const run = internalAction({
  args: { jobId: v.id("contactImports"), index: v.number() },
  handler: async (ctx, { jobId, index }) => {
    for (let next = index; next < index + BATCHES_PER_RUN; next++) {
      let more: boolean;
      try {
        more = await ctx.runMutation(internal.system.contactImportBatch.apply, {
          jobId,
          index: next,
        });
      } catch (error) {
        await ctx.runMutation(internal.system.contactImportBatch.failBatch, {
          jobId,
          index: next,
          error: errorCodeOf(error) ?? "BATCH_FAILED",
        });
        if (!errorCodeOf(error)) console.error(`contact import ${jobId} batch ${next}`, error);
        return;
      }
      if (!more) return;
    }
    await ctx.scheduler.runAfter(0, internal.system.contactImportBatch.run, {
      jobId,
      index: index + BATCHES_PER_RUN,
    });
  },
});

export const failBatch = internalMutation({
  args: { jobId: v.id("contactImports"), index: v.number(), error: v.string() },
  handler: async (ctx, { jobId, index, error }) => {
    const job = await ctx.db.get(jobId);
    if (!job || job.status !== "importing") return;
    await ctx.db.patch(jobId, {
      status: "failed",
      error,
      failedBatch: index,
      finishedAt: Date.now(),
    });
  },
});
