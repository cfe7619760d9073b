import { v } from "convex/values";

import { analyticsPeriod, MAX_PERIOD_ROWS } from "../lib/analyticsPeriod";
import { ratingOf } from "../lib/csat/ratings";
import { csatFigures } from "../lib/csat/summary";
import { operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";

/** The visitor's rating of one conversation, for its header in the dashboard. */
export const forConversation = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    const rating = await ratingOf(ctx, conversation._id);
    return rating
      ? { rating: rating.rating, comment: rating.comment ?? null, ratedAt: rating._creationTime }
      : null;
  },
});

/** CSAT for Analytics' period: overall, and for conversations the AI resolved alone or with a person. */
export const summary = operatorQuery({
  args: { days: v.optional(v.number()) },
  handler: async (ctx, args) => {
    const { from, to } = analyticsPeriod(args.days);
    const ratings = await ctx.db
      .query("csatRatings")
      .withIndex("by_organization", (q) =>
        q.eq("organizationId", ctx.operator.orgId).gte("_creationTime", from),
      )
      .take(MAX_PERIOD_ROWS);
    return {
      from,
      to,
      overall: csatFigures(ratings),
      ai: csatFigures(ratings.filter((r) => r.resolution === "ai")),
      human: csatFigures(ratings.filter((r) => r.resolution === "human")),
      recentComments: ratings
        .filter((r) => r.comment)
        .slice(-5)
        .reverse()
        .map((r) => ({
          conversationId: r.conversationId,
          rating: r.rating,
          comment: r.comment!,
          ratedAt: r._creationTime,
        })),
    };
  },
});
