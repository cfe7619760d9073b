"use node";

import { v } from "convex/values";
import nodemailer from "nodemailer";

import { internal } from "../../_generated/api";
import { internalAction } from "../../_generated/server";
import { logEvent } from "../../lib/logging/log";

const DEFAULT_FROM = "Echo <no-reply@echo.local>";

/**
 * Sends one queued email over SMTP_URL (smtp://, smtps://, with credentials in the URL) from
 * SMTP_FROM. Without SMTP_URL the email is kept as `notConfigured`; a failure is retried by
 * system/email/outbox.recordFailure.
 */
export const deliver = internalAction({
  args: { emailId: v.id("outboundEmails") },
  handler: async (ctx, { emailId }) => {
    const email = await ctx.runQuery(internal.system.email.outbox.get, { emailId });
    if (!email || email.status !== "queued") return;
    const url = process.env.SMTP_URL;
    if (!url) {
      logEvent("warn", "email.notConfigured", { emailId, kind: email.kind });
      await ctx.runMutation(internal.system.email.outbox.markNotConfigured, { emailId });
      return;
    }
    const transport = nodemailer.createTransport(url);
    try {
      await transport.sendMail({
        from: process.env.SMTP_FROM || DEFAULT_FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logEvent("error", "email.failed", {
        emailId,
        kind: email.kind,
        attempt: email.attempts + 1,
        error: message,
      });
      await ctx.runMutation(internal.system.email.outbox.recordFailure, {
        emailId,
        error: message,
      });
      return;
    } finally {
      transport.close();
    }
    await ctx.runMutation(internal.system.email.outbox.markSent, { emailId });
  },
});
