import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import { internal } from "../_generated/api";
import { mutation, query } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { requireAdmin, requireOperator } from "../lib/identity";
import { checkKnowledgeFile } from "../lib/knowledgeFileTypes";
import { knowledgeBase } from "../system/knowledge/knowledgeBase";

/** Files go straight to storage through this URL; only the resulting storageId comes back. */
export const generateUploadUrl = mutation({
  args: {},
  handler: async (ctx) => {
    await requireAdmin(ctx);
    return await ctx.storage.generateUploadUrl();
  },
});

export const add = mutation({
  args: { storageId: v.id("_storage"), name: v.string() },
  handler: async (ctx, { storageId, name }) => {
    const operator = await requireAdmin(ctx);
    const stored = await ctx.db.system.get(storageId);
    if (!stored) fail("INVALID_FILE", "Upload not found");
    const mimeType = checkKnowledgeFile(name, stored.size);
    const fileId = await ctx.db.insert("knowledgeFiles", {
      organizationId: operator.orgId,
      name: name.trim(),
      mimeType,
      size: stored.size,
      storageId,
      status: "processing",
      uploadedBy: operator.userId,
    });
    await ctx.scheduler.runAfter(0, internal.system.knowledge.ingest.ingestFile, { fileId });
    await recordAudit(ctx, operator, "knowledgeFile.add", fileId, { name });
    return fileId;
  },
});

export const list = query({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) => {
    const operator = await requireOperator(ctx);
    return await ctx.db
      .query("knowledgeFiles")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .order("desc")
      .paginate(paginationOpts);
  },
});

export const remove = mutation({
  args: { fileId: v.id("knowledgeFiles") },
  handler: async (ctx, { fileId }) => {
    const operator = await requireAdmin(ctx);
    const file = await ctx.db.get(fileId);
    if (!file || file.organizationId !== operator.orgId) fail("NOT_FOUND", "File not found");
    if (file.ragEntryId) {
      await knowledgeBase().deleteAsync(ctx, { entryId: file.ragEntryId });
    }
    if (file.storageId) await ctx.storage.delete(file.storageId);
    await ctx.db.delete(fileId);
    await recordAudit(ctx, operator, "knowledgeFile.remove", fileId, { name: file.name });
  },
});
