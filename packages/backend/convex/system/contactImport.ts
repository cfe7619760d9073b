import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalAction, internalMutation, internalQuery } from "../_generated/server";
import { fieldDefinitions } from "../lib/contacts/input";
import { decodeImportFile, parseImportInSlices } from "../lib/contacts/importFile";
import { insertRejections } from "../lib/contacts/importApply";
import { dedupeRows } from "../lib/contacts/importMerge";
import { convertRow } from "../lib/contacts/importRows";
import {
  vImportMapping,
  vImportMode,
  vImportReason,
  vImportRow,
  type ImportReason,
  type ImportRow,
} from "../lib/contacts/importValidators";
import { stageLabelsOf } from "../lib/contacts/stages";
import { errorCodeOf, fail } from "../lib/errors";
import { claimUpload, deleteOwnedUpload } from "../lib/uploads";

/**
 * Rows per batch mutation: far inside a transaction's limits, short enough that the dashboard's
 * queries run between batches, and inside the 1 s a mutation's own code gets on a loaded machine
 * (100 rows timed out with load 24 on 2 cores, and a failed batch stops the import).
 */
const BATCH_ROWS = 40;
/** Batches handed to one mutation while the file is split. */
const BATCHES_PER_CALL = 25;
const REJECTIONS_PER_CALL = 1000;

/** The upload becomes the organization's (another's is refused); its size comes back. */
export const claim = internalMutation({
  args: { organizationId: v.string(), storageId: v.id("_storage") },
  handler: async (ctx, { organizationId, storageId }) =>
    (await claimUpload(ctx, organizationId, storageId)).size,
});

export const dropUpload = internalMutation({
  args: { organizationId: v.string(), storageId: v.id("_storage") },
  handler: async (ctx, { organizationId, storageId }) =>
    await deleteOwnedUpload(ctx, organizationId, storageId),
});

/** What mapping needs: custom fields, stage labels and the last mapping of the organization. */
export const mappingContext = internalQuery({
  args: { organizationId: v.string() },
  handler: async (ctx, { organizationId }) => {
    const settings = await ctx.db
      .query("contactImportSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
      .unique();
    return {
      definitions: (await fieldDefinitions(ctx, organizationId)).map(
        ({ key, label, type, options }) => ({ key, label, type, options }),
      ),
      stageLabels: await stageLabelsOf(ctx, organizationId),
      remembered: settings?.mapping ?? {},
      mode: settings?.mode ?? ("skip" as const),
    };
  },
});

export const job = internalQuery({
  args: { jobId: v.id("contactImports") },
  handler: async (ctx, { jobId }) => await ctx.db.get(jobId),
});

/** Splits the file into batches of checked rows; the batches are then written one by one. */
export const parse = internalAction({
  args: { jobId: v.id("contactImports") },
  handler: async (ctx, { jobId }) => {
    const job = await ctx.runQuery(internal.system.contactImport.job, { jobId });
    if (!job || job.status !== "parsing") return;
    try {
      const blob = await ctx.storage.get(job.storageId);
      if (!blob) fail("INVALID_FILE", "The upload is gone");
      const context = await ctx.runQuery(internal.system.contactImport.mappingContext, {
        organizationId: job.organizationId,
      });
      const accepted: ImportRow[] = [];
      const rejections: { row: number; cells: string[]; reason: ImportReason }[] = [];
      let totalRows = 0;
      let stillParsing = true;
      await parseImportInSlices(
        decodeImportFile(await blob.arrayBuffer()),
        async (headers, rows) => {
          for (const cells of rows) {
            totalRows += 1;
            const line = totalRows + 1;
            const converted = convertRow(
              { ...context, headers, mapping: job.mapping },
              line,
              cells,
            );
            if (converted.ok) accepted.push(converted.row);
            else rejections.push({ row: line, cells, reason: converted.reason });
          }
          // Between slices other requests run, and a job gone meanwhile stops the parse.
          const current = await ctx.runQuery(internal.system.contactImport.job, { jobId });
          stillParsing = current?.status === "parsing";
          return stillParsing;
        },
      );
      if (!stillParsing) return;
      const { rows: unique, duplicates } = dedupeRows(accepted, job.mode);
      const batches: ImportRow[][] = [];
      for (let start = 0; start < unique.length; start += BATCH_ROWS)
        batches.push(unique.slice(start, start + BATCH_ROWS));
      await ctx.runMutation(internal.system.contactImport.recordParsed, {
        jobId,
        totalRows,
        duplicates,
        batches: batches.length,
      });
      for (let start = 0; start < rejections.length; start += REJECTIONS_PER_CALL)
        await ctx.runMutation(internal.system.contactImport.storeRejections, {
          jobId,
          rejections: rejections.slice(start, start + REJECTIONS_PER_CALL),
        });
      for (let start = 0; start < batches.length; start += BATCHES_PER_CALL)
        await ctx.runMutation(internal.system.contactImport.storeBatches, {
          jobId,
          first: start,
          batches: batches.slice(start, start + BATCHES_PER_CALL),
        });
      await ctx.runMutation(internal.system.contactImport.beginImport, { jobId });
    } catch (error) {
      await ctx.runMutation(internal.system.contactImport.failJob, {
        jobId,
        error: errorCodeOf(error) ?? "INVALID_FILE",
      });
      if (!errorCodeOf(error)) throw error;
    }
  },
});

export const recordParsed = internalMutation({
  args: {
    jobId: v.id("contactImports"),
    totalRows: v.number(),
    duplicates: v.number(),
    batches: v.number(),
  },
  handler: async (ctx, { jobId, totalRows, duplicates, batches }) => {
    await ctx.db.patch(jobId, {
      totalRows,
      skipped: duplicates,
      processedRows: duplicates,
      batches,
    });
  },
});

export const storeRejections = internalMutation({
  args: {
    jobId: v.id("contactImports"),
    rejections: v.array(
      v.object({ row: v.number(), cells: v.array(v.string()), reason: vImportReason }),
    ),
  },
  handler: async (ctx, { jobId, rejections }) => {
    const job = (await ctx.db.get(jobId))!;
    await insertRejections(ctx, job.organizationId, jobId, rejections);
    await ctx.db.patch(jobId, {
      rejected: job.rejected + rejections.length,
      processedRows: job.processedRows + rejections.length,
    });
  },
});

export const storeBatches = internalMutation({
  args: { jobId: v.id("contactImports"), first: v.number(), batches: v.array(v.array(vImportRow)) },
  handler: async (ctx, { jobId, first, batches }) => {
    const job = (await ctx.db.get(jobId))!;
    for (const [offset, rows] of batches.entries())
      await ctx.db.insert("contactImportBatches", {
        organizationId: job.organizationId,
        jobId,
        index: first + offset,
        rows,
      });
  },
});

export const beginImport = internalMutation({
  args: { jobId: v.id("contactImports") },
  handler: async (ctx, { jobId }) => {
    const job = (await ctx.db.get(jobId))!;
    if (job.batches === 0) {
      await ctx.db.patch(jobId, { status: "done", finishedAt: Date.now() });
      return;
    }
    await ctx.db.patch(jobId, { status: "importing" });
    await ctx.scheduler.runAfter(0, internal.system.contactImportBatch.run, { jobId, index: 0 });
  },
});

/** Nothing of a failed file is imported: it fails while parsing, before any batch is written. */
export const failJob = internalMutation({
  args: { jobId: v.id("contactImports"), error: v.string() },
  handler: async (ctx, { jobId, error }) => {
    const rejections = await ctx.db
      .query("contactImportRejections")
      .withIndex("by_job_and_row", (q) => q.eq("jobId", jobId))
      .collect();
    for (const rejection of rejections) await ctx.db.delete(rejection._id);
    await ctx.db.patch(jobId, { status: "failed", error, finishedAt: Date.now() });
  },
});

export const open = internalMutation({
  args: {
    organizationId: v.string(),
    createdBy: v.string(),
    fileName: v.string(),
    storageId: v.id("_storage"),
    size: v.number(),
    headers: v.array(v.string()),
    preview: v.array(v.array(v.string())),
    mapping: vImportMapping,
    mode: vImportMode,
  },
  handler: async (ctx, args) =>
    await ctx.db.insert("contactImports", {
      ...args,
      status: "mapping",
      totalRows: 0,
      processedRows: 0,
      imported: 0,
      updated: 0,
      skipped: 0,
      rejected: 0,
      batches: 0,
    }),
});
