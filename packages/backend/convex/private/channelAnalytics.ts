import { v } from "convex/values";

import type { Doc } from "../_generated/dataModel";
import { analyticsPeriod, dayOf, MAX_PERIOD_ROWS, periodDays } from "../lib/analyticsPeriod";
import { firstHumanResponseMs, resolutionMs } from "../lib/conversationWaits";
import { operatorQuery } from "../lib/functions";
import { median } from "../lib/median";
import type { Channel } from "../lib/validators";

export const CHANNELS: readonly Channel[] = ["chat", "voice", "whatsapp"];

type Figures = {
  conversations: number;
  resolvedByAgent: number;
  escalated: number;
  aiResolutionRate: number | null;
  medianFirstResponseMs: number | null;
  medianResolutionMs: number | null;
};

/** Volume, AI resolution and the median waits of a set of conversations. */
function figuresOf(conversations: Doc<"conversations">[]): Figures {
  const resolvedByAgent = conversations.filter(
    (c) => c.status === "resolved" && c.escalatedAt === undefined,
  ).length;
  const defined = (values: Array<number | undefined>) =>
    values.filter((value): value is number => value !== undefined);
  return {
    conversations: conversations.length,
    resolvedByAgent,
    escalated: conversations.filter((c) => c.escalatedAt !== undefined).length,
    aiResolutionRate: conversations.length ? resolvedByAgent / conversations.length : null,
    medianFirstResponseMs: median(defined(conversations.map(firstHumanResponseMs))),
    medianResolutionMs: median(defined(conversations.map(resolutionMs))),
  };
}

/**
 * The period's conversations split by channel (widget chat, voice, WhatsApp), each channel read
 * from its own bounded index range: totals per channel and the same figures per UTC day.
 */
export const byChannel = operatorQuery({
  args: { days: v.optional(v.number()) },
  handler: async (ctx, args) => {
    const { orgId } = ctx.operator;
    const { from, to, days } = analyticsPeriod(args.days);
    const perChannel = await Promise.all(
      CHANNELS.map(async (channel) => {
        const conversations = await ctx.db
          .query("conversations")
          .withIndex("by_organization_and_channel", (q) =>
            q.eq("organizationId", orgId).eq("channel", channel).gte("_creationTime", from),
          )
          .take(MAX_PERIOD_ROWS);
        const byDay = new Map<string, Doc<"conversations">[]>();
        for (const conversation of conversations) {
          const day = dayOf(conversation._creationTime);
          const list = byDay.get(day) ?? [];
          list.push(conversation);
          byDay.set(day, list);
        }
        return { channel, conversations, byDay };
      }),
    );
    return {
      from,
      to,
      channels: perChannel.map(({ channel, conversations }) => ({
        channel,
        ...figuresOf(conversations),
        truncated: conversations.length === MAX_PERIOD_ROWS,
      })),
      perDay: periodDays(from, days).map((day) => ({
        day,
        channels: perChannel.map(({ channel, byDay }) => ({
          channel,
          ...figuresOf(byDay.get(day) ?? []),
        })),
      })),
    };
  },
});
