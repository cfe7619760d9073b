import { v } from "convex/values";

import { internalQuery } from "../_generated/server";

/** An attachment as the download route needs it; the route checks the key in constant time. */
export const forDownload = internalQuery({
  args: { attachmentId: v.string() },
  handler: async (ctx, { attachmentId }) => {
    const id = ctx.db.normalizeId("attachments", attachmentId);
    const attachment = id ? await ctx.db.get(id) : null;
    if (!attachment) return null;
    const { storageId, accessKey, fileName, contentType, kind } = attachment;
    return { storageId, accessKey, fileName, contentType, kind };
  },
});
