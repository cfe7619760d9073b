import { v } from "convex/values";

import { internalMutation } from "../_generated/server";
import {
  createContactSession,
  PURGE_GRACE_MS,
  vCreateContactSessionArgs,
} from "../lib/contactSessions";
const BATCH = 200;

export const purgeExpired = internalMutation({
  args: {},
  handler: async (ctx) => {
    const expired = await ctx.db
      .query("contactSessions")
      .withIndex("by_expiresAt", (q) => q.lt("expiresAt", Date.now() - PURGE_GRACE_MS))
      .take(BATCH);
    for (const session of expired) await ctx.db.delete(session._id);
    return expired.length;
  },
});

/** The HTTP route's session creation: the same as the public mutation plus the request's country. */
export const createWithCountry = internalMutation({
  args: { ...vCreateContactSessionArgs, country: v.optional(v.string()) },
  handler: async (ctx, { country, ...args }) =>
    await createContactSession(ctx, {
      ...args,
      metadata: { ...args.metadata, ...(country ? { country } : {}) },
    }),
});
