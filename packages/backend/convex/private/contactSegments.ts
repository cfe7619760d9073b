import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { vSegmentFilters } from "../lib/contacts/segmentFilters";
import { fail } from "../lib/errors";
import { adminMutation, operatorQuery } from "../lib/functions";

const MAX_NAME = 80;
const MAX_SEGMENTS = 100;

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_NAME)
    fail("INVALID_INPUT", `A segment needs a name of 1 to ${MAX_NAME} characters`);
  return trimmed;
}

/** The organization's saved segments, by name; every operator uses them, admins manage them. */
export const list = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const segments = await ctx.db
      .query("contactSegments")
      .withIndex("by_organization_and_name", (q) => q.eq("organizationId", ctx.operator.orgId))
      .take(MAX_SEGMENTS);
    return segments.map(({ _id, name, filters }) => ({ _id, name, filters }));
  },
});

/** Saves the filters under a name; saving again under the same name replaces its filters. */
export const save = adminMutation({
  args: { name: v.string(), filters: vSegmentFilters },
  handler: async (ctx, { name, filters }) => {
    const { orgId, userId } = ctx.operator;
    const trimmed = checkedName(name);
    const tags = filters.tags?.map((tag) => tag.trim().toLowerCase()).filter(Boolean);
    const clean = { ...filters, ...(tags ? { tags } : {}) };
    const existing = await ctx.db
      .query("contactSegments")
      .withIndex("by_organization_and_name", (q) =>
        q.eq("organizationId", orgId).eq("name", trimmed),
      )
      .unique();
    if (existing) {
      await ctx.db.patch(existing._id, { filters: clean });
      return existing._id;
    }
    const count = (
      await ctx.db
        .query("contactSegments")
        .withIndex("by_organization_and_name", (q) => q.eq("organizationId", orgId))
        .take(MAX_SEGMENTS)
    ).length;
    if (count >= MAX_SEGMENTS) fail("INVALID_INPUT", `At most ${MAX_SEGMENTS} segments`);
    const segmentId = await ctx.db.insert("contactSegments", {
      organizationId: orgId,
      name: trimmed,
      filters: clean,
      createdBy: userId,
    });
    await recordAudit(ctx, ctx.operator, "contactSegment.save", segmentId);
    return segmentId;
  },
});

export const rename = adminMutation({
  args: { segmentId: v.id("contactSegments"), name: v.string() },
  handler: async (ctx, { segmentId, name }) => {
    const { orgId } = ctx.operator;
    const segment = await ctx.db.get(segmentId);
    if (!segment || segment.organizationId !== orgId) fail("NOT_FOUND", "Segment not found");
    const trimmed = checkedName(name);
    const taken = await ctx.db
      .query("contactSegments")
      .withIndex("by_organization_and_name", (q) =>
        q.eq("organizationId", orgId).eq("name", trimmed),
      )
      .unique();
    if (taken && taken._id !== segmentId)
      fail("SEGMENT_EXISTS", "Another segment already has this name");
    await ctx.db.patch(segmentId, { name: trimmed });
    await recordAudit(ctx, ctx.operator, "contactSegment.rename", segmentId);
    return null;
  },
});

export const remove = adminMutation({
  args: { segmentId: v.id("contactSegments") },
  handler: async (ctx, { segmentId }) => {
    const segment = await ctx.db.get(segmentId);
    if (!segment || segment.organizationId !== ctx.operator.orgId)
      fail("NOT_FOUND", "Segment not found");
    await ctx.db.delete(segmentId);
    await recordAudit(ctx, ctx.operator, "contactSegment.remove", segmentId);
    return null;
  },
});
