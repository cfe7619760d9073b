import type { ToolCtx } from "@convex-dev/agent";

import { internal } from "../../../_generated/api";
import type { Doc } from "../../../_generated/dataModel";

/** Tools act on the conversation that owns the thread the agent is answering on. */
export async function conversationForTool(ctx: ToolCtx): Promise<Doc<"conversations">> {
  if (!ctx.threadId) throw new Error("Support agent tools need a thread");
  const conversation = await ctx.runQuery(internal.system.conversations.getByThread, {
    threadId: ctx.threadId,
  });
  if (!conversation) throw new Error(`No conversation for thread ${ctx.threadId}`);
  return conversation;
}
