import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { fail } from "./errors";
import type { Operator } from "./identity";

/** A conversation exists for an operator only inside their own organization. */
export async function requireOrgConversation(
  ctx: Pick<QueryCtx, "db">,
  operator: Operator,
  conversationId: Id<"conversations">,
): Promise<Doc<"conversations">> {
  const conversation = await ctx.db.get(conversationId);
  if (!conversation || conversation.organizationId !== operator.orgId) {
    fail("NOT_FOUND", "Conversation not found");
  }
  return conversation;
}

export async function requireOrgThread(
  ctx: Pick<QueryCtx, "db">,
  operator: Operator,
  threadId: string,
): Promise<Doc<"conversations">> {
  const conversation = await ctx.db
    .query("conversations")
    .withIndex("by_thread", (q) => q.eq("threadId", threadId))
    .unique();
  if (!conversation || conversation.organizationId !== operator.orgId) {
    fail("NOT_FOUND", "Conversation not found");
  }
  return conversation;
}
