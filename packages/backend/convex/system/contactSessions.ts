import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalMutation } from "../_generated/server";
import {
  createContactSession,
  PURGE_GRACE_MS,
  vCreateContactSessionArgs,
} from "../lib/contactSessions";
import { purgeExpiredImports } from "../lib/contacts/importPurge";
import {
  conversationRetentionMs,
  deleteConversation,
  PURGE_BATCH,
  WEBHOOK_REPLAY_WINDOW_MS,
} from "../lib/retention";
import { purgeUnclaimedUploads } from "../lib/uploads";
/**
 * The hourly purge: sessions a week past expiry, conversations past retention (with their
 * threads), webhook event ids past the replay window, upload URLs never used, and contact imports
 * past retention (with their rejected rows and CSV). Each run takes a batch of each and schedules
 * the next run until nothing is left.
 */
export const purgeExpired = internalMutation({
  args: {},
  handler: async (
    ctx,
  ): Promise<
    Record<"sessions" | "conversations" | "webhookEvents" | "uploads" | "imports", number>
  > => {
    const now = Date.now();
    const sessions = await ctx.db
      .query("contactSessions")
      .withIndex("by_expiresAt", (q) => q.lt("expiresAt", now - PURGE_GRACE_MS))
      .take(PURGE_BATCH);
    for (const session of sessions) await ctx.db.delete(session._id);
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_lastMessageAt", (q) => q.lt("lastMessageAt", now - conversationRetentionMs()))
      .take(PURGE_BATCH);
    for (const conversation of conversations) await deleteConversation(ctx, conversation);
    const webhookEvents = await ctx.db
      .query("webhookEvents")
      .withIndex("by_creation_time", (q) => q.lt("_creationTime", now - WEBHOOK_REPLAY_WINDOW_MS))
      .take(PURGE_BATCH);
    for (const event of webhookEvents) await ctx.db.delete(event._id);
    const uploads = await purgeUnclaimedUploads(ctx, now, PURGE_BATCH);
    const imports = await purgeExpiredImports(ctx, now, PURGE_BATCH);
    const purged = {
      sessions: sessions.length,
      conversations: conversations.length,
      webhookEvents: webhookEvents.length,
      uploads,
      imports,
    };
    if (Object.values(purged).some((count) => count === PURGE_BATCH))
      await ctx.scheduler.runAfter(0, internal.system.contactSessions.purgeExpired, {});
    return purged;
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
