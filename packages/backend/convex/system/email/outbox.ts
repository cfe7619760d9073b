import { v } from "convex/values";

import { internal } from "../../_generated/api";
import { internalMutation, internalQuery } from "../../_generated/server";
import { RETRY_DELAYS_MS } from "../../lib/email/outbox";

/** The delivery action's bookkeeping on `outboundEmails`. */

export const get = internalQuery({
  args: { emailId: v.id("outboundEmails") },
  handler: async (ctx, { emailId }) => await ctx.db.get(emailId),
});

export const markSent = internalMutation({
  args: { emailId: v.id("outboundEmails") },
  handler: async (ctx, { emailId }) => {
    const email = await ctx.db.get(emailId);
    if (!email) return;
    await ctx.db.patch(emailId, {
      status: "sent",
      attempts: email.attempts + 1,
      sentAt: Date.now(),
      lastError: undefined,
    });
  },
});

export const markNotConfigured = internalMutation({
  args: { emailId: v.id("outboundEmails") },
  handler: async (ctx, { emailId }) => {
    if (await ctx.db.get(emailId)) await ctx.db.patch(emailId, { status: "notConfigured" });
  },
});

/** Counts the failed attempt and schedules the next one, until the retries are spent. */
export const recordFailure = internalMutation({
  args: { emailId: v.id("outboundEmails"), error: v.string() },
  handler: async (ctx, { emailId, error }) => {
    const email = await ctx.db.get(emailId);
    if (!email) return;
    const attempts = email.attempts + 1;
    const delay = RETRY_DELAYS_MS[attempts - 1];
    await ctx.db.patch(emailId, {
      attempts,
      lastError: error.slice(0, 500),
      status: delay === undefined ? "failed" : "queued",
    });
    if (delay !== undefined)
      await ctx.scheduler.runAfter(delay, internal.system.email.deliver.deliver, { emailId });
  },
});
