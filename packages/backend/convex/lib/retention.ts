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

function retentionMs(variable: string, defaultDays: number): number {
  const days = Number(process.env[variable]);
  return (Number.isFinite(days) && days > 0 ? days : defaultDays) * DAY_MS;
}

/** How long a conversation is kept after its last message (`ECHO_CONVERSATION_RETENTION_DAYS`). */
export function conversationRetentionMs(): number {
  return retentionMs("ECHO_CONVERSATION_RETENTION_DAYS", 365);
}

/**
 * How long a contact import (its record, rejected rows and uploaded CSV) is kept after it ends,
 * or after it was opened if it never started (`ECHO_IMPORT_RETENTION_DAYS`).
 */
export function importRetentionMs(): number {
  return retentionMs("ECHO_IMPORT_RETENTION_DAYS", 30);
}

/** A conversation and its agent thread (messages, streams), which the agent deletes in batches. */
export async function deleteConversation(ctx: MutationCtx, conversation: Doc<"conversations">) {
  await ctx.runMutation(components.agent.threads.deleteAllForThreadIdAsync, {
    threadId: conversation.threadId,
  });
  for (const row of await conversationTagRows(ctx, conversation._id)) await ctx.db.delete(row._id);
  await ctx.db.delete(conversation._id);
}
