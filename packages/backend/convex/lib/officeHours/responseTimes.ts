import type { Doc } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { median } from "../median";

/** How many of the latest first responses make "recent". */
export const RECENT_RESPONSES = 50;

/**
 * Records a conversation's first human response (from its escalation, or its start) and keeps the
 * organization's recent median up to date, so nothing rescans history to show it.
 */
export async function recordFirstResponse(
  ctx: Pick<MutationCtx, "db">,
  conversation: Doc<"conversations">,
  at: number,
): Promise<void> {
  const waited = Math.max(0, at - (conversation.escalatedAt ?? conversation._creationTime));
  const row = await ctx.db
    .query("responseTimes")
    .withIndex("by_organization", (q) => q.eq("organizationId", conversation.organizationId))
    .unique();
  const recentWaits = [...(row?.recentWaits ?? []), waited].slice(-RECENT_RESPONSES);
  const medianMs = median(recentWaits) ?? waited;
  if (row) await ctx.db.patch(row._id, { recentWaits, medianMs });
  else {
    await ctx.db.insert("responseTimes", {
      organizationId: conversation.organizationId,
      recentWaits,
      medianMs,
    });
  }
}

/** The organization's recent median first response, or null before its first one. */
export async function typicalReplyMs(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<number | null> {
  const row = await ctx.db
    .query("responseTimes")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  return row?.medianMs ?? null;
}

export async function officeHoursFor(ctx: Pick<QueryCtx, "db">, organizationId: string) {
  const row = await ctx.db
    .query("officeHours")
    .withIndex("by_organization", (q) => q.eq("organizationId", organizationId))
    .unique();
  if (!row) return null;
  const { enabled, timeZone, weekly, holidays } = row;
  return { enabled, timeZone, weekly, holidays };
}
