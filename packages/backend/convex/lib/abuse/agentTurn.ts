import type { UsageHandler } from "@convex-dev/agent";

import { internal } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import type { ActionCtx } from "../../_generated/server";
import { CONTEXT_MESSAGES, MAX_OUTPUT_TOKENS } from "./aiBudget";
import { budgetSpentNotice } from "./budgetNotice";

/** What one agent call may spend, and the handler that charges what it did spend. */
export type AgentTurnLimits = {
  maxOutputTokens: number;
  options: {
    contextOptions: { recentMessages: number };
    usageHandler: UsageHandler;
  };
};

/**
 * What a turn the organization's budget allowed may spend, and the handler that charges the
 * tokens it did spend.
 */
export function agentTurnLimits(organizationId: string): AgentTurnLimits {
  return {
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    options: {
      contextOptions: { recentMessages: CONTEXT_MESSAGES },
      usageHandler: async (handlerCtx, { usage }) => {
        const tokens = usage.totalTokens ?? (usage.inputTokens ?? 0) + (usage.outputTokens ?? 0);
        // Retrieval mode spends no tokens; a call per step would be a transaction for nothing.
        if (!(tokens > 0)) return;
        await handlerCtx.runMutation(internal.system.abuse.aiBudget.recordTokens, {
          organizationId,
          tokens,
        });
      },
    },
  };
}

/** A spent budget: the visitor gets a notice in their language and a person takes the conversation. */
export async function handOverOverBudget(
  ctx: ActionCtx,
  conversation: Doc<"conversations">,
  { language, agentName }: { language: string; agentName: string },
): Promise<void> {
  await ctx.runMutation(internal.system.abuse.aiBudget.handOver, {
    conversationId: conversation._id,
    notice: budgetSpentNotice(language),
    agentName,
  });
}
