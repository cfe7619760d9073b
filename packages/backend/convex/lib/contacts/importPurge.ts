import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { importRetentionMs } from "../retention";
import { deleteOwnedUpload } from "../uploads";

/**
 * Imports past retention: finished ones (done or failed) and ones left at the mapping step. Each
 * goes with its rejected rows, any unwritten batches and its uploaded CSV. At most `limit`
 * documents are deleted per call; an import with more rows left is finished by the next call.
 */
export async function purgeExpiredImports(
  ctx: MutationCtx,
  now: number,
  limit: number,
): Promise<number> {
  const cutoff = now - importRetentionMs();
  const finished = await ctx.db
    .query("contactImports")
    .withIndex("by_finishedAt", (q) => q.gt("finishedAt", 0).lt("finishedAt", cutoff))
    .take(limit);
  const abandoned = await ctx.db
    .query("contactImports")
    .withIndex("by_status", (q) => q.eq("status", "mapping").lt("_creationTime", cutoff))
    .take(limit);
  let deleted = 0;
  for (const job of [...finished, ...abandoned]) {
    if (deleted >= limit) break;
    deleted += await deleteImport(ctx, job, limit - deleted);
  }
  return deleted;
}

/** Deletes up to `budget` documents of one import, the import itself last; returns how many. */
async function deleteImport(
  ctx: MutationCtx,
  job: Doc<"contactImports">,
  budget: number,
): Promise<number> {
  const rejections = await ctx.db
    .query("contactImportRejections")
    .withIndex("by_job_and_row", (q) => q.eq("jobId", job._id))
    .take(budget);
  const batches = await ctx.db
    .query("contactImportBatches")
    .withIndex("by_job_and_index", (q) => q.eq("jobId", job._id))
    .take(budget - rejections.length);
  const rows = [...rejections, ...batches];
  for (const row of rows) await ctx.db.delete(row._id);
  if (rows.length >= budget) return rows.length;
  await deleteOwnedUpload(ctx, job.organizationId, job.storageId);
  await ctx.db.delete(job._id);
  return rows.length + 1;
}
