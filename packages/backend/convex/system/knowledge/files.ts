import { vEntryId } from "@convex-dev/rag";
import { v } from "convex/values";

import { internalMutation, internalQuery } from "../../_generated/server";

/** Knowledge file bookkeeping used by the ingestion action. */

export const get = internalQuery({
  args: { fileId: v.id("knowledgeFiles") },
  handler: async (ctx, { fileId }) => await ctx.db.get(fileId),
});

/** The public URLs admins gave these files of the organization, by file id. */
export const publicUrls = internalQuery({
  args: { organizationId: v.string(), fileIds: v.array(v.string()) },
  handler: async (ctx, { organizationId, fileIds }) => {
    const urls: Record<string, string> = {};
    for (const fileId of new Set(fileIds)) {
      const id = ctx.db.normalizeId("knowledgeFiles", fileId);
      const file = id ? await ctx.db.get(id) : null;
      if (file?.organizationId === organizationId && file.publicUrl) urls[fileId] = file.publicUrl;
    }
    return urls;
  },
});

export const markReady = internalMutation({
  args: { fileId: v.id("knowledgeFiles"), ragEntryId: vEntryId, ingestionVersion: v.number() },
  handler: async (ctx, { fileId, ragEntryId, ingestionVersion }) => {
    if (await ctx.db.get(fileId))
      await ctx.db.patch(fileId, {
        status: "ready",
        ragEntryId,
        ingestionVersion,
        error: undefined,
      });
  },
});

export const markFailed = internalMutation({
  args: { fileId: v.id("knowledgeFiles"), error: v.string(), ingestionVersion: v.number() },
  handler: async (ctx, { fileId, error, ingestionVersion }) => {
    if (await ctx.db.get(fileId))
      await ctx.db.patch(fileId, { status: "failed", error, ingestionVersion });
  },
});
