import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { internal } from "../_generated/api";
import { adminMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { checkKnowledgeFile } from "../lib/knowledgeFileTypes";
import { extractedTextPreview } from "../lib/knowledgePreview";
import { claimUpload, deleteOwnedUpload, generateOrganizationUploadUrl } from "../lib/uploads";
import { knowledgeBase } from "../lib/knowledge/knowledgeBase";
import { checkPublicUrl } from "../lib/knowledge/publicUrl";

const MAX_REINDEX = 500;

/** Files go straight to storage through this URL; only the resulting storageId comes back. */
export const generateUploadUrl = adminMutation({
  args: {},
  handler: async (ctx) => await generateOrganizationUploadUrl(ctx, ctx.operator.orgId),
});

export const add = adminMutation({
  args: { storageId: v.id("_storage"), name: v.string(), publicUrl: v.optional(v.string()) },
  handler: async (ctx, { storageId, name, publicUrl }) => {
    const { operator } = ctx;
    const link = checkPublicUrl(publicUrl);
    const stored = await claimUpload(ctx, operator.orgId, storageId);
    const mimeType = checkKnowledgeFile(name, stored.size);
    // An upload belongs to the file that claimed it first; another tenant cannot claim it again.
    const claimed = await ctx.db
      .query("knowledgeFiles")
      .withIndex("by_storageId", (q) => q.eq("storageId", storageId))
      .first();
    if (claimed) fail("INVALID_FILE", "This upload is already used");
    const fileId = await ctx.db.insert("knowledgeFiles", {
      organizationId: operator.orgId,
      name: name.trim(),
      mimeType,
      size: stored.size,
      storageId,
      status: "processing",
      uploadedBy: operator.userId,
      ...(link ? { publicUrl: link } : {}),
    });
    await ctx.scheduler.runAfter(0, internal.system.knowledge.ingest.ingestFile, { fileId });
    await recordAudit(ctx, operator, "knowledgeFile.add", fileId, { name });
    return fileId;
  },
});

export const list = operatorQuery({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const { operator } = ctx;
    return await ctx.db
      .query("knowledgeFiles")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .order("desc")
      .paginate(paginationOpts);
  },
});

/** The text extracted from a file, as the knowledge base indexed it; long texts are cut short. */
export const preview = operatorQuery({
  args: { fileId: v.id("knowledgeFiles") },
  handler: async (ctx, { fileId }) => {
    const { operator } = ctx;
    const file = await ctx.db.get(fileId);
    if (!file || file.organizationId !== operator.orgId) fail("NOT_FOUND", "File not found");
    const base = { name: file.name, mimeType: file.mimeType, status: file.status };
    if (file.status !== "ready" || !file.ragEntryId) {
      return { ...base, text: null, truncated: false, error: file.error ?? null };
    }
    const { text, truncated } = await extractedTextPreview(ctx, knowledgeBase(), file.ragEntryId);
    return { ...base, text, truncated, error: null };
  },
});

export const remove = adminMutation({
  args: { fileId: v.id("knowledgeFiles") },
  handler: async (ctx, { fileId }) => {
    const { operator } = ctx;
    const file = await ctx.db.get(fileId);
    if (!file || file.organizationId !== operator.orgId) fail("NOT_FOUND", "File not found");
    if (file.ragEntryId) {
      await knowledgeBase().deleteAsync(ctx, { entryId: file.ragEntryId });
    }
    if (file.storageId) await deleteOwnedUpload(ctx, operator.orgId, file.storageId);
    await ctx.db.delete(fileId);
    await recordAudit(ctx, operator, "knowledgeFile.remove", fileId, { name: file.name });
  },
});

/** Indexes every file again, e.g. after switching embedding models (RAG keeps one index per model). */
export const reindexAll = adminMutation({
  args: {},
  handler: async (ctx) => {
    const { operator } = ctx;
    const files = await ctx.db
      .query("knowledgeFiles")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .take(MAX_REINDEX);
    const seeded = [];
    for (const file of files) {
      await ctx.db.patch(file._id, { status: "processing", error: undefined });
      if (file.storageId) {
        await ctx.scheduler.runAfter(0, internal.system.knowledge.ingest.ingestFile, {
          fileId: file._id,
        });
      } else if (file.seedKey) {
        seeded.push(file._id);
      }
    }
    if (seeded.length > 0) {
      await ctx.scheduler.runAfter(0, internal.system.seed.indexDocuments, {
        organizationId: operator.orgId,
        fileIds: seeded,
      });
    }
    await recordAudit(ctx, operator, "knowledgeFile.reindexAll", undefined, {
      files: files.length,
    });
    return files.length;
  },
});
