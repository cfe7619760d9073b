import { v } from "convex/values";

import type { Doc } from "../_generated/dataModel";
import { operatorQuery } from "../lib/functions";
import { median } from "../lib/median";
import {
  analyticsPeriod,
  dayOf,
  MAX_PERIOD_ROWS as MAX_ROWS,
  periodDays,
} from "../lib/analyticsPeriod";

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

type OperatorFigures = {
  userId: string;
  name?: string;
  replies: number;
  firstResponses: number;
  resolved: number;
  firstResponseTimes: number[];
};

/** The dashboard's figures for the last `days` days (UTC), from conversations and the audit log. */
export const overview = operatorQuery({
  args: { days: v.optional(v.number()) },
  handler: async (ctx, args) => {
    const { orgId } = ctx.operator;
    const { from, to, days } = analyticsPeriod(args.days);
    const conversations = await ctx.db
      .query("conversations")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId).gte("_creationTime", from))
      .take(MAX_ROWS);
    const audit = await ctx.db
      .query("auditLog")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId).gte("_creationTime", from))
      .take(MAX_ROWS);

    // Open now is today's backlog, whatever the period: every conversation not yet resolved.
    const openNow = { unresolved: 0, escalated: 0 };
    for (const status of ["unresolved", "escalated"] as const) {
      const open = await ctx.db
        .query("conversations")
        .withIndex("by_organization_and_status_and_lastMessageAt", (q) =>
          q.eq("organizationId", orgId).eq("status", status),
        )
        .take(MAX_ROWS);
      openNow[status] = open.length;
    }

    const perDay = new Map<
      string,
      { conversations: number; resolvedByAgent: number; escalated: number }
    >();
    for (const day of periodDays(from, days))
      perDay.set(day, { conversations: 0, resolvedByAgent: 0, escalated: 0 });
    const resolvedByAgent = (c: Doc<"conversations">) =>
      c.status === "resolved" && c.escalatedAt === undefined;
    for (const conversation of conversations) {
      const bucket = perDay.get(dayOf(conversation._creationTime));
      if (!bucket) continue;
      bucket.conversations++;
      if (resolvedByAgent(conversation)) bucket.resolvedByAgent++;
      if (conversation.escalatedAt !== undefined) bucket.escalated++;
    }

    const operators = new Map<string, OperatorFigures>();
    const figuresFor = (userId: string, name?: string) => {
      const figures = operators.get(userId) ?? {
        userId,
        name,
        replies: 0,
        firstResponses: 0,
        resolved: 0,
        firstResponseTimes: [],
      };
      figures.name ??= name;
      operators.set(userId, figures);
      return figures;
    };
    for (const entry of audit) {
      if (entry.action === "conversation.reply")
        figuresFor(entry.actorId, entry.actorName).replies++;
      if (entry.action === "conversation.status" && entry.details?.status === "resolved") {
        figuresFor(entry.actorId, entry.actorName).resolved++;
      }
    }
    const firstResponseTimes: number[] = [];
    for (const c of conversations) {
      if (c.firstHumanReplyAt === undefined || c.firstHumanReplyBy === undefined) continue;
      const waited = c.firstHumanReplyAt - (c.escalatedAt ?? c._creationTime);
      firstResponseTimes.push(Math.max(0, waited));
      const figures = figuresFor(c.firstHumanReplyBy);
      figures.firstResponses++;
      figures.firstResponseTimes.push(Math.max(0, waited));
    }

    const total = conversations.length;
    return {
      from,
      to,
      volumePerDay: [...perDay].map(([day, counts]) => ({ day, ...counts })),
      totals: {
        conversations: total,
        resolved: conversations.filter((c) => c.status === "resolved").length,
        resolvedByAgent: conversations.filter(resolvedByAgent).length,
        escalated: conversations.filter((c) => c.escalatedAt !== undefined).length,
      },
      aiResolutionRate: rate(conversations.filter(resolvedByAgent).length, total),
      escalationRate: rate(conversations.filter((c) => c.escalatedAt !== undefined).length, total),
      medianFirstHumanResponseMs: median(firstResponseTimes),
      openNow: { total: openNow.unresolved + openNow.escalated, ...openNow },
      operators: [...operators.values()].map(({ firstResponseTimes: times, ...figures }) => ({
        ...figures,
        medianFirstResponseMs: median(times),
      })),
    };
  },
});
