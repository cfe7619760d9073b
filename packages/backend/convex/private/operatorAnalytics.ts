import { v } from "convex/values";

import type { Doc } from "../_generated/dataModel";
import { analyticsPeriod, MAX_PERIOD_ROWS } from "../lib/analyticsPeriod";
import { conversationOperator } from "../lib/csat/ratings";
import { csatFigures } from "../lib/csat/summary";
import { operatorQuery } from "../lib/functions";
import { findUser } from "../lib/members";
import { waitedUntil } from "../lib/conversationWaits";
import { median } from "../lib/median";

type Tally = {
  handled: number;
  resolved: number;
  firstResponseTimes: number[];
  resolutionTimes: number[];
  ratings: Doc<"csatRatings">[];
};

/**
 * Each operator's conversations started in the period (bounded index ranges): handled, resolved,
 * median first response and resolution times, and the CSAT of the conversations they count for.
 */
export const performance = operatorQuery({
  args: { days: v.optional(v.number()) },
  handler: async (ctx, args) => {
    const { orgId } = ctx.operator;
    const { from, to } = analyticsPeriod(args.days);
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId).gte("_creationTime", from))
      .take(MAX_PERIOD_ROWS);
    const ratings = await ctx.db
      .query("csatRatings")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId).gte("_creationTime", from))
      .take(MAX_PERIOD_ROWS);

    const tallies = new Map<string, Tally>();
    const tallyOf = (userId: string) => {
      const tally = tallies.get(userId) ?? {
        handled: 0,
        resolved: 0,
        firstResponseTimes: [],
        resolutionTimes: [],
        ratings: [],
      };
      tallies.set(userId, tally);
      return tally;
    };
    for (const conversation of conversations) {
      const userId = conversationOperator(conversation);
      if (userId !== undefined) {
        const tally = tallyOf(userId);
        tally.handled++;
        if (conversation.status === "resolved" && conversation.resolvedAt !== undefined) {
          tally.resolved++;
          tally.resolutionTimes.push(waitedUntil(conversation, conversation.resolvedAt));
        }
      }
      if (conversation.firstHumanReplyAt !== undefined && conversation.firstHumanReplyBy) {
        tallyOf(conversation.firstHumanReplyBy).firstResponseTimes.push(
          waitedUntil(conversation, conversation.firstHumanReplyAt),
        );
      }
    }
    for (const rating of ratings) {
      if (rating.operatorId !== undefined) tallyOf(rating.operatorId).ratings.push(rating);
    }

    const operators = await Promise.all(
      [...tallies].map(async ([userId, tally]) => ({
        userId,
        name: (await findUser(ctx, userId))?.name ?? null,
        handled: tally.handled,
        resolved: tally.resolved,
        medianFirstResponseMs: median(tally.firstResponseTimes),
        medianResolutionMs: median(tally.resolutionTimes),
        csat: csatFigures(tally.ratings),
      })),
    );
    operators.sort((a, b) => b.handled - a.handled || a.userId.localeCompare(b.userId));
    return { from, to, operators };
  },
});
