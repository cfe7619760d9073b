import { v } from "convex/values";

import { internalMutation } from "../_generated/server";

/** Clears a typing mark that was not renewed before it expired. */
export const expire = internalMutation({
  args: { id: v.id("typingStates") },
  handler: async (ctx, { id }) => {
    const row = await ctx.db.get(id);
    if (row && row.expiresAt <= Date.now()) await ctx.db.delete(id);
  },
});
