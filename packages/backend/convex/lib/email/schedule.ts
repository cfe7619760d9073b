import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

type Ctx = Pick<MutationCtx, "scheduler">;

/** How long a visitor has to read an operator's reply in the widget before it is emailed. */
export function operatorReplyEmailDelayMs(env: Record<string, string | undefined> = process.env) {
  const configured = env.ECHO_REPLY_EMAIL_DELAY_MS ? Number(env.ECHO_REPLY_EMAIL_DELAY_MS) : NaN;
  return Number.isFinite(configured) && configured >= 0 ? configured : 120_000;
}

export async function scheduleEscalationEmails(ctx: Ctx, conversationId: Id<"conversations">) {
  await ctx.scheduler.runAfter(0, internal.system.email.notifications.escalation, {
    conversationId,
  });
}

export async function scheduleTranscriptEmail(ctx: Ctx, conversationId: Id<"conversations">) {
  await ctx.scheduler.runAfter(0, internal.system.email.notifications.transcript, {
    conversationId,
  });
}

export async function scheduleOperatorReplyEmail(
  ctx: Ctx,
  conversationId: Id<"conversations">,
  operatorName: string,
) {
  await ctx.scheduler.runAfter(
    operatorReplyEmailDelayMs(),
    internal.system.email.notifications.operatorReply,
    { conversationId, operatorName },
  );
}
