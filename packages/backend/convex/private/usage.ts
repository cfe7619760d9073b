import { v } from "convex/values";

import {
  aiBudgetFor,
  aiUsageToday,
  DEFAULT_AI_BUDGET,
  MAX_AI_BUDGET,
  spentLimit,
  usageDay,
  validBudget,
} from "../lib/abuse/aiBudget";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { adminMutation, operatorQuery } from "../lib/functions";

/** Today's AI spend against the organization's daily budget (Plan and billing → Usage). */
export const aiToday = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId } = ctx.operator;
    const budget = await aiBudgetFor(ctx, orgId);
    const usage = await aiUsageToday(ctx, orgId);
    return {
      day: usageDay(),
      agentTurns: usage?.agentTurns ?? 0,
      modelTokens: usage?.modelTokens ?? 0,
      spent: spentLimit(budget, usage),
      spentAt: usage?.spentAt ?? null,
      budget: {
        agentTurnsPerDay: budget.agentTurnsPerDay,
        modelTokensPerDay: budget.modelTokensPerDay,
      },
      custom: budget.custom,
      defaults: DEFAULT_AI_BUDGET,
      max: MAX_AI_BUDGET,
    };
  },
});

export const setAiBudget = adminMutation({
  args: { agentTurnsPerDay: v.number(), modelTokensPerDay: v.number() },
  handler: async (ctx, args) => {
    const { operator } = ctx;
    const budget = validBudget(args);
    if (!budget) fail("INVALID_INPUT", "Budgets are whole numbers within the allowed maximum");
    const existing = await ctx.db
      .query("aiBudgets")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .unique();
    if (existing) await ctx.db.patch(existing._id, budget);
    else await ctx.db.insert("aiBudgets", { organizationId: operator.orgId, ...budget });
    await recordAudit(ctx, operator, "usage.aiBudget", undefined, budget);
  },
});
