import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

type Db = Pick<MutationCtx, "db">;

/** Takes a conversation out of the inbox until `until` (if given) or until the visitor writes. */
export async function snoozeConversation(
  ctx: Db,
  conversation: Doc<"conversations">,
  until: number | undefined,
): Promise<void> {
  await ctx.db.patch(conversation._id, { snoozed: true, snoozedUntil: until });
}

export async function unsnoozeConversation(
  ctx: Db,
  conversation: Doc<"conversations">,
): Promise<boolean> {
  if (!conversation.snoozed) return false;
  await ctx.db.patch(conversation._id, { snoozed: undefined, snoozedUntil: undefined });
  return true;
}

/**
 * The scheduled wake-up: only the snooze it was scheduled for ends, so an earlier wake-up of a
 * conversation snoozed again later, or one already woken by the visitor, does nothing.
 */
export async function endScheduledSnooze(
  ctx: Db,
  conversation: Doc<"conversations">,
  until: number,
): Promise<boolean> {
  if (!conversation.snoozed || conversation.snoozedUntil !== until) return false;
  return await unsnoozeConversation(ctx, conversation);
}
