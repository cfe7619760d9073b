import { components } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { conversationTagRows } from "./triage/conversationTags";

/** Rows each purge run removes per kind before it schedules the next run. */
export const PURGE_BATCH = 200;

/**
 * Webhook event ids are kept long enough to refuse a redelivery: Svix retries a message with the
 * same id for about a day and a half, Vapi resends a report within hours.
 */
export const WEBHOOK_REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RETENTION_DAYS = 365;

/** How long a conversation is kept after its last message (`ECHO_CONVERSATION_RETENTION_DAYS`). */
export function conversationRetentionMs(): number {
  const days = Number(process.env.ECHO_CONVERSATION_RETENTION_DAYS);
  return (Number.isFinite(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS) * DAY_MS;
}

/** A conversation and its agent thread (messages, streams), which the agent deletes in batches. */
export async function deleteConversation(ctx: MutationCtx, conversation: Doc<"conversations">) {
  await ctx.runMutation(components.agent.threads.deleteAllForThreadIdAsync, {
    threadId: conversation.threadId,
  });
  for (const row of await conversationTagRows(ctx, conversation._id)) await ctx.db.delete(row._id);
  await ctx.db.delete(conversation._id);
}
