import { v } from "convex/values";

import { internalQuery } from "../../_generated/server";
import { knowledgeBase } from "../../lib/knowledge/knowledgeBase";

/** A knowledge file has at most this many chunks read for one section's page. */
const MAX_CHUNKS = 500;

/**
 * The text of one section of a ready knowledge file, for its public read-only page; null unless
 * the file belongs to that organization and the section is in it.
 */
export const section = internalQuery({
  args: { organizationId: v.string(), fileId: v.string(), section: v.string() },
  handler: async (ctx, args) => {
    const fileId = ctx.db.normalizeId("knowledgeFiles", args.fileId);
    const file = fileId ? await ctx.db.get(fileId) : null;
    if (!file || file.organizationId !== args.organizationId || !file.ragEntryId) return null;
    const { page } = await knowledgeBase().listChunks(ctx, {
      entryId: file.ragEntryId,
      paginationOpts: { numItems: MAX_CHUNKS, cursor: null },
      order: "asc",
    });
    const texts = page
      .filter((chunk) => chunk.state === "ready" && chunk.metadata?.section === args.section)
      .map((chunk) => chunk.text);
    return texts.length > 0 ? { section: args.section, texts } : null;
  },
});
