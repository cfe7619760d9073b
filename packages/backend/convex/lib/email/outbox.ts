import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import type { EmailKind } from "../notificationValidators";
import type { EmailContent } from "./templates";

/** Delays before each retry of a failed delivery; after the last one the email stays `failed`. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 1_800_000];

/**
 * Records the email and hands it to the delivery action: the mutation that calls this never waits
 * on SMTP, and a failure is retried by the scheduler, surviving restarts.
 */
export async function queueEmail(
  ctx: Pick<MutationCtx, "db" | "scheduler">,
  email: EmailContent & {
    organizationId: string;
    kind: EmailKind;
    to: string;
    conversationId?: Id<"conversations">;
  },
): Promise<Id<"outboundEmails">> {
  const emailId = await ctx.db.insert("outboundEmails", {
    ...email,
    status: "queued",
    attempts: 0,
  });
  await ctx.scheduler.runAfter(0, internal.system.email.deliver.deliver, { emailId });
  return emailId;
}
