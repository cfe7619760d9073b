import { v } from "convex/values";

import { internalMutation } from "../_generated/server";
import { createContactSession, vCreateContactSessionArgs } from "../lib/contactSessions";

/** Expired sessions stay readable for a week (visitors keep their history), then go. */
export const PURGE_GRACE_MS = 7 * 24 * 60 * 60 * 1000;
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

/** A session made by the deployment itself (tests, `npx convex run`), past the widget's proof-of-work and limits. */
export const createWithCountry = internalMutation({
  args: { ...vCreateContactSessionArgs, country: v.optional(v.string()) },
  handler: async (ctx, { country, ...args }) =>
    await createContactSession(ctx, {
      ...args,
      metadata: { ...args.metadata, ...(country ? { country } : {}) },
    }),
});
