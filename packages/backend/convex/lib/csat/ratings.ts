import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { fail } from "../errors";

export const MAX_COMMENT_CHARS = 1000;

/** A person took part once one replied or resolved it; otherwise the AI agent resolved it alone. */
export function resolutionOf(conversation: Doc<"conversations">): "ai" | "human" {
  return conversation.resolvedBy === "operator" || conversation.firstHumanReplyAt !== undefined
    ? "human"
    : "ai";
}

/** The operator a conversation counts for: who resolved it, else its assignee, else the first to reply. */
export function conversationOperator(conversation: Doc<"conversations">): string | undefined {
  return conversation.resolverId ?? conversation.assigneeId ?? conversation.firstHumanReplyBy;
}

export async function ratingOf(
  ctx: Pick<QueryCtx, "db">,
  conversationId: Doc<"conversations">["_id"],
): Promise<Doc<"csatRatings"> | null> {
  return await ctx.db
    .query("csatRatings")
    .withIndex("by_conversation", (q) => q.eq("conversationId", conversationId))
    .unique();
}

/** Records the visitor's rating of a resolved conversation; a conversation is rated once. */
export async function rateConversation(
  ctx: Pick<MutationCtx, "db">,
  conversation: Doc<"conversations">,
  { rating, comment }: { rating: number; comment?: string },
): Promise<void> {
  if (conversation.status !== "resolved") {
    fail("INVALID_INPUT", "Only a resolved conversation can be rated");
  }
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    fail("INVALID_INPUT", "A rating is a whole number from 1 to 5");
  }
  if (await ratingOf(ctx, conversation._id)) {
    fail("ALREADY_RATED", "This conversation has already been rated");
  }
  const trimmed = comment?.trim().slice(0, MAX_COMMENT_CHARS);
  const operatorId = conversationOperator(conversation);
  await ctx.db.insert("csatRatings", {
    organizationId: conversation.organizationId,
    conversationId: conversation._id,
    rating,
    ...(trimmed ? { comment: trimmed } : {}),
    resolution: resolutionOf(conversation),
    ...(operatorId ? { operatorId } : {}),
  });
}
