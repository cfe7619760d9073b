import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";

export type AiBudget = { agentTurnsPerDay: number; modelTokensPerDay: number };

/** What every organization gets until an admin sets its own. */
export const DEFAULT_AI_BUDGET: AiBudget = { agentTurnsPerDay: 500, modelTokensPerDay: 2_000_000 };
/** The most an admin may set: a ceiling on one key's spend, whatever the dashboard sends. */
export const MAX_AI_BUDGET: AiBudget = {
  agentTurnsPerDay: 100_000,
  modelTokensPerDay: 500_000_000,
};

/** Per agent call: one reply is never longer than this, nor reads more of the thread than this. */
export const MAX_OUTPUT_TOKENS = 1024;
export const CONTEXT_MESSAGES = 20;

/** Budgets reset at midnight UTC. */
export function usageDay(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

export async function aiBudgetFor(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<AiBudget & { custom: boolean }> {
  const row = await ctx.db
    .query("aiBudgets")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  return row
    ? {
        agentTurnsPerDay: row.agentTurnsPerDay,
        modelTokensPerDay: row.modelTokensPerDay,
        custom: true,
      }
    : { ...DEFAULT_AI_BUDGET, custom: false };
}

export async function aiUsageToday(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  now = Date.now(),
): Promise<Doc<"aiUsage"> | null> {
  return await ctx.db
    .query("aiUsage")
    .withIndex("by_organization_and_day", (q) =>
      q.eq("organizationId", organizationId).eq("day", usageDay(now)),
    )
    .unique();
}

/** Which limit today's usage has reached, if any. */
export function spentLimit(
  budget: AiBudget,
  usage: Pick<Doc<"aiUsage">, "agentTurns" | "modelTokens"> | null,
): "agentTurns" | "modelTokens" | null {
  if ((usage?.agentTurns ?? 0) >= budget.agentTurnsPerDay) return "agentTurns";
  if ((usage?.modelTokens ?? 0) >= budget.modelTokensPerDay) return "modelTokens";
  return null;
}

/** An admin's input, whole and within bounds, or null. */
export function validBudget(input: AiBudget): AiBudget | null {
  const within = (value: number, max: number) =>
    Number.isInteger(value) && value >= 0 && value <= max;
  return within(input.agentTurnsPerDay, MAX_AI_BUDGET.agentTurnsPerDay) &&
    within(input.modelTokensPerDay, MAX_AI_BUDGET.modelTokensPerDay)
    ? input
    : null;
}

/**
 * Charges one agent turn to the organization, or refuses it when today's turns or tokens are
 * spent. Refused turns are not counted, so the dashboard shows what the model ran.
 */
export async function chargeAgentTurn(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
): Promise<boolean> {
  const budget = await aiBudgetFor(ctx, organizationId);
  const usage = await aiUsageToday(ctx, organizationId);
  if (spentLimit(budget, usage)) {
    if (usage && !usage.spentAt) await ctx.db.patch(usage._id, { spentAt: Date.now() });
    return false;
  }
  if (usage) await ctx.db.patch(usage._id, { agentTurns: usage.agentTurns + 1 });
  else
    await ctx.db.insert("aiUsage", {
      organizationId,
      day: usageDay(),
      agentTurns: 1,
      modelTokens: 0,
    });
  return true;
}
