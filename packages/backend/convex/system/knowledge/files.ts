import { vEntryId } from "@convex-dev/rag";
import { v } from "convex/values";

import { internalMutation, internalQuery } from "../../_generated/server";

/** Knowledge file bookkeeping used by the ingestion action. */

export const get = internalQuery({
  args: { fileId: v.id("knowledgeFiles") },
  handler: async (ctx, { fileId }) => await ctx.db.get(fileId),
});

export const markReady = internalMutation({
  args: { fileId: v.id("knowledgeFiles"), ragEntryId: vEntryId },
  handler: async (ctx, { fileId, ragEntryId }) => {
    if (await ctx.db.get(fileId))
      await ctx.db.patch(fileId, { status: "ready", ragEntryId, error: undefined });
  },
});

export const markFailed = internalMutation({
  args: { fileId: v.id("knowledgeFiles"), error: v.string() },
  handler: async (ctx, { fileId, error }) => {
    if (await ctx.db.get(fileId)) await ctx.db.patch(fileId, { status: "failed", error });
  },
});
