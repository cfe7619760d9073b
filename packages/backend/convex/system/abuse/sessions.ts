import { v } from "convex/values";

import { internal } from "../../_generated/api";
import { internalMutation } from "../../_generated/server";
import { limitSessionCreation } from "../../lib/abuse/limits";
import { createContactSession, vCreateContactSessionArgs } from "../../lib/contactSessions";
import { fail } from "../../lib/errors";
import { requireOrganization } from "../../lib/organizations";

/** The stored challenge-signing key, created from the caller's random candidate on first use. */
export const signingKey = internalMutation({
  args: { candidate: v.string() },
  handler: async (ctx, { candidate }) => {
    const stored = await ctx.db.query("powSecrets").first();
    if (stored) return stored.secret;
    await ctx.db.insert("powSecrets", { secret: candidate });
    return candidate;
  },
});

/**
 * The widget's session creation, after the HTTP route verified the proof-of-work: the challenge
 * is spent once, then the client's and the organization's buckets are charged.
 */
export const create = internalMutation({
  args: {
    ...vCreateContactSessionArgs,
    country: v.optional(v.string()),
    clientKey: v.union(v.string(), v.null()),
    challenge: v.object({ signature: v.string(), expiresAt: v.number() }),
    /** A signed identity the route verified; unsigned or forged ones never get here. */
    identity: v.optional(v.object({ userId: v.string() })),
  },
  handler: async (ctx, { country, clientKey, challenge, identity, ...args }) => {
    const spent = await ctx.db
      .query("powRedemptions")
      .withIndex("by_signature", (q) => q.eq("signature", challenge.signature))
      .first();
    if (spent) fail("CHALLENGE_FAILED", "Challenge already used");
    await requireOrganization(ctx, args.organizationId);
    await ctx.db.insert("powRedemptions", challenge);
    await limitSessionCreation(ctx, { organizationId: args.organizationId, clientKey });
    return await createContactSession(ctx, {
      ...args,
      metadata: { ...args.metadata, ...(country ? { country } : {}) },
      ...(clientKey ? { clientKey } : {}),
      ...(identity ? { identity } : {}),
    });
  },
});

const PURGE_BATCH = 500;

/** Spent challenges matter only until they expire; a full batch schedules the next one. */
export const purgeRedemptions = internalMutation({
  args: {},
  handler: async (ctx) => {
    const expired = await ctx.db
      .query("powRedemptions")
      .withIndex("by_expiresAt", (q) => q.lt("expiresAt", Date.now()))
      .take(PURGE_BATCH);
    for (const row of expired) await ctx.db.delete(row._id);
    if (expired.length === PURGE_BATCH)
      await ctx.scheduler.runAfter(0, internal.system.abuse.sessions.purgeRedemptions, {});
    return expired.length;
  },
});
