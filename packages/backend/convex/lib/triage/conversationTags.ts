import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { fail } from "../errors";
import { TAGS_PER_CONVERSATION_MAX } from "./validators";

type Db = Pick<MutationCtx, "db">;

/** Puts one of the organization's tags on a conversation; a tag already there is left as is. */
export async function addConversationTag(
  ctx: Db,
  conversation: Doc<"conversations">,
  tag: Doc<"tags">,
): Promise<void> {
  const tagIds = conversation.tagIds ?? [];
  if (tagIds.includes(tag._id)) return;
  if (tagIds.length >= TAGS_PER_CONVERSATION_MAX) {
    fail("INVALID_INPUT", `A conversation carries at most ${TAGS_PER_CONVERSATION_MAX} tags`);
  }
  await ctx.db.patch(conversation._id, { tagIds: [...tagIds, tag._id] });
  await ctx.db.insert("conversationTags", {
    organizationId: conversation.organizationId,
    conversationId: conversation._id,
    tagId: tag._id,
    lastMessageAt: conversation.lastMessageAt,
  });
}

export async function removeConversationTag(
  ctx: Db,
  conversation: Doc<"conversations">,
  tagId: Id<"tags">,
): Promise<void> {
  const tagIds = conversation.tagIds ?? [];
  if (!tagIds.includes(tagId)) return;
  const remaining = tagIds.filter((id) => id !== tagId);
  await ctx.db.patch(conversation._id, { tagIds: remaining.length ? remaining : undefined });
  const rows = await ctx.db
    .query("conversationTags")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversation._id))
    .collect();
  for (const row of rows) if (row.tagId === tagId) await ctx.db.delete(row._id);
}

/** A tag's inbox sorts by activity, so each tag row follows its conversation's clock. */
export async function followConversationActivity(
  ctx: Db,
  conversation: Doc<"conversations">,
  lastMessageAt: number,
): Promise<void> {
  if (!conversation.tagIds?.length) return;
  const rows = await ctx.db
    .query("conversationTags")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversation._id))
    .collect();
  for (const row of rows) await ctx.db.patch(row._id, { lastMessageAt });
}

/** The conversations' tag rows, read by conversation, for removing or purging. */
export async function conversationTagRows(ctx: Db, conversationId: Id<"conversations">) {
  return await ctx.db
    .query("conversationTags")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
    .collect();
}
