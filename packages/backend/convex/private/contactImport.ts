import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { fieldDefinitions } from "../lib/contacts/input";
import { checkImportSize, decodeImportFile, previewImport } from "../lib/contacts/importFile";
import { isTarget, suggestMapping } from "../lib/contacts/importRows";
import { vImportMapping, vImportMode } from "../lib/contacts/importValidators";
import { errorCodeOf, fail } from "../lib/errors";
import { adminAction, adminMutation, adminQuery } from "../lib/functions";
import { generateOrganizationUploadUrl } from "../lib/uploads";

/** The CSV goes straight to storage through this URL; only its storageId comes back. */
export const generateUploadUrl = adminMutation({
  args: {},
  handler: async (ctx) => await generateOrganizationUploadUrl(ctx, ctx.operator.orgId),
});

/**
 * Reads the uploaded CSV (size, UTF-8, header) and opens an import at the mapping step with its
 * first rows and a suggested mapping. A file refused here is deleted and nothing is imported.
 */
export const prepare = adminAction({
  args: { storageId: v.id("_storage"), fileName: v.string() },
  handler: async (ctx, { storageId, fileName }): Promise<Id<"contactImports">> => {
    const { orgId: organizationId, userId } = ctx.operator;
    const size = await ctx.runMutation(internal.system.contactImport.claim, {
      organizationId,
      storageId,
    });
    try {
      // A file over the limit is refused before it is read.
      checkImportSize(size);
      const blob = await ctx.storage.get(storageId);
      if (!blob) fail("INVALID_FILE", "Upload not found");
      const { headers, preview } = previewImport(decodeImportFile(await blob.arrayBuffer()));
      const context = await ctx.runQuery(internal.system.contactImport.mappingContext, {
        organizationId,
      });
      return await ctx.runMutation(internal.system.contactImport.open, {
        organizationId,
        createdBy: userId,
        fileName: fileName.trim().slice(0, 200) || "contacts.csv",
        storageId,
        size,
        headers,
        preview,
        mapping: suggestMapping(headers, context.remembered, context.definitions),
        mode: context.mode,
      });
    } catch (error) {
      if (errorCodeOf(error))
        await ctx.runMutation(internal.system.contactImport.dropUpload, {
          organizationId,
          storageId,
        });
      throw error;
    }
  },
});

async function requireOrgImport(
  ctx: Pick<QueryCtx, "db">,
  orgId: string,
  jobId: Id<"contactImports">,
) {
  const job = await ctx.db.get(jobId);
  if (!job || job.organizationId !== orgId) fail("NOT_FOUND", "Import not found");
  return job;
}

/** An import as the dashboard follows it: the mapping step, then live progress and counts. */
export const get = adminQuery({
  args: { jobId: v.id("contactImports") },
  handler: async (ctx, { jobId }) => {
    const {
      storageId: _storageId,
      organizationId: _org,
      ...job
    } = await requireOrgImport(ctx, ctx.operator.orgId, jobId);
    return job;
  },
});

/** Starts the import with the admin's mapping and mode, both remembered for the next file. */
export const start = adminMutation({
  args: { jobId: v.id("contactImports"), mapping: vImportMapping, mode: vImportMode },
  handler: async (ctx, { jobId, mapping, mode }) => {
    const { orgId } = ctx.operator;
    const job = await requireOrgImport(ctx, orgId, jobId);
    if (job.status !== "mapping") fail("INVALID_INPUT", "This import has already started");
    const definitions = await fieldDefinitions(ctx, orgId);
    const chosen = Object.fromEntries(
      Object.entries(mapping).filter(([header]) => job.headers.includes(header)),
    );
    if (Object.values(chosen).some((target) => !isTarget(target, definitions)))
      fail("INVALID_INPUT", "A column is mapped to a field that does not exist");
    const targets = Object.values(chosen);
    if (!targets.includes("emails") && !targets.includes("phones"))
      fail("INVALID_INPUT", "Map at least one column to emails or phones");
    const settings = await ctx.db
      .query("contactImportSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId))
      .unique();
    const remembered = { ...(settings?.mapping ?? {}), ...chosen };
    if (settings) await ctx.db.patch(settings._id, { mapping: remembered, mode });
    else
      await ctx.db.insert("contactImportSettings", {
        organizationId: orgId,
        mapping: remembered,
        mode,
      });
    await ctx.db.patch(jobId, { mapping: chosen, mode, status: "parsing", startedAt: Date.now() });
    await ctx.scheduler.runAfter(0, internal.system.contactImport.parse, { jobId });
    await recordAudit(ctx, ctx.operator, "contactImport.start", jobId, { mode });
    return null;
  },
});

/** The rows an import refused, in file order, with the reason and the row's cells. */
export const rejections = adminQuery({
  args: { jobId: v.id("contactImports"), paginationOpts: paginationOptsValidator },
  handler: async (ctx, { jobId, paginationOpts }) => {
    await requireOrgImport(ctx, ctx.operator.orgId, jobId);
    const result = await ctx.db
      .query("contactImportRejections")
      .withIndex("by_job_and_row", (q) => q.eq("jobId", jobId))
      .paginate(paginationOpts);
    return {
      ...result,
      page: result.page.map(({ row, reason, cells }) => ({ row, reason, cells })),
    };
  },
});

/** The newest import still running or stopped at a failed batch, to come back to after a reload. */
export const unfinished = adminQuery({
  args: {},
  handler: async (ctx) => {
    const recent = await ctx.db
      .query("contactImports")
      .withIndex("by_organization", (q) => q.eq("organizationId", ctx.operator.orgId))
      .order("desc")
      .take(20);
    const job = recent.find(
      (candidate) =>
        candidate.status === "parsing" ||
        candidate.status === "importing" ||
        (candidate.status === "failed" && candidate.failedBatch !== undefined),
    );
    return job?._id ?? null;
  },
});

async function requireFailedBatch(
  ctx: Pick<QueryCtx, "db">,
  orgId: string,
  jobId: Id<"contactImports">,
) {
  const job = await requireOrgImport(ctx, orgId, jobId);
  if (job.status !== "failed" || job.failedBatch === undefined)
    fail("INVALID_INPUT", "This import has no failed batch");
  return { ...job, failedBatch: job.failedBatch };
}

/** Writes the rest of a stopped import again, from the batch that failed. */
export const retry = adminMutation({
  args: { jobId: v.id("contactImports") },
  handler: async (ctx, { jobId }) => {
    const job = await requireFailedBatch(ctx, ctx.operator.orgId, jobId);
    await ctx.db.patch(jobId, {
      status: "importing",
      error: undefined,
      failedBatch: undefined,
      finishedAt: undefined,
    });
    await ctx.scheduler.runAfter(0, internal.system.contactImportBatch.run, {
      jobId,
      index: job.failedBatch,
    });
    await recordAudit(ctx, ctx.operator, "contactImport.retry", jobId, {
      batch: job.failedBatch,
    });
    return null;
  },
});

/** Drops the rows a stopped import did not write and ends it; what it wrote stays. */
export const discard = adminMutation({
  args: { jobId: v.id("contactImports") },
  handler: async (ctx, { jobId }) => {
    const job = await requireFailedBatch(ctx, ctx.operator.orgId, jobId);
    const left = await ctx.db
      .query("contactImportBatches")
      .withIndex("by_job_and_index", (q) => q.eq("jobId", jobId))
      .collect();
    for (const batch of left) await ctx.db.delete(batch._id);
    // Done with what it wrote; the error stays to say the rest was dropped.
    await ctx.db.patch(jobId, { status: "done", failedBatch: undefined });
    await recordAudit(ctx, ctx.operator, "contactImport.discard", jobId, {
      batch: job.failedBatch,
    });
    return null;
  },
});
