import type { Infer } from "convex/values";

import { internal } from "../../_generated/api";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import type { vTypist } from "./tables";

/** A typing mark lasts this long unless renewed; clients renew at most once per THROTTLE_MS. */
export const TYPING_TTL_MS = 6_000;
export const TYPING_THROTTLE_MS = 2_000;
export const MAX_PREVIEW_CHARS = 280;

type Typist = Infer<typeof vTypist>;

export async function typingStatesOf(
  ctx: Pick<QueryCtx, "db">,
  conversationId: Id<"conversations">,
  typist: Typist,
): Promise<Doc<"typingStates">[]> {
  return await ctx.db
    .query("typingStates")
    .withIndex("by_conversation_and_typist", (q) =>
      q.eq("conversationId", conversationId).eq("typist", typist),
    )
    .take(20);
}

export async function typingPreviewEnabled(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<boolean> {
  const row = await ctx.db
    .query("presenceSettings")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  return row?.typingPreview ?? false;
}

/**
 * Marks someone as typing in a conversation until TYPING_TTL_MS from now. A renewal within
 * TYPING_THROTTLE_MS of the last write is dropped, so a chatty client costs at most one write per
 * throttle window; the expiry is scheduled with each write and clears the row if not renewed.
 */
export async function markTyping(
  ctx: Pick<MutationCtx, "db" | "scheduler">,
  conversation: Doc<"conversations">,
  who: { typist: Typist; userId?: string; name?: string; preview?: string },
): Promise<void> {
  const now = Date.now();
  const mine = (await typingStatesOf(ctx, conversation._id, who.typist)).find(
    (row) => row.userId === who.userId,
  );
  if (mine && now - mine.updatedAt < TYPING_THROTTLE_MS) return;
  const fields = {
    organizationId: conversation.organizationId,
    conversationId: conversation._id,
    typist: who.typist,
    ...(who.userId ? { userId: who.userId } : {}),
    ...(who.name ? { name: who.name } : {}),
    ...(who.preview ? { preview: who.preview.slice(0, MAX_PREVIEW_CHARS) } : {}),
    updatedAt: now,
    expiresAt: now + TYPING_TTL_MS,
  };
  const id = mine
    ? (await ctx.db.replace(mine._id, fields), mine._id)
    : await ctx.db.insert("typingStates", fields);
  await ctx.scheduler.runAfter(TYPING_TTL_MS, internal.system.presence.expire, { id });
}

export async function clearTyping(
  ctx: Pick<MutationCtx, "db">,
  conversationId: Id<"conversations">,
  typist: Typist,
  userId?: string,
): Promise<void> {
  for (const row of await typingStatesOf(ctx, conversationId, typist)) {
    if (row.userId === userId) await ctx.db.delete(row._id);
  }
}
