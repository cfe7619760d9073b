import { v } from "convex/values";

import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { adminMutation, operatorQuery } from "../lib/functions";
import { removeConversationTag } from "../lib/triage/conversationTags";
import { requireOrgTag } from "../lib/triage/orgTags";
import { TAG_NAME_MAX, TAGS_PER_ORGANIZATION_MAX, vTagColor } from "../lib/triage/validators";

function cleanName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, " ");
  if (!trimmed || trimmed.length > TAG_NAME_MAX) {
    fail("INVALID_INPUT", `A tag's name is 1 to ${TAG_NAME_MAX} characters`);
  }
  return trimmed;
}

async function requireUniqueName(
  ctx: Pick<QueryCtx, "db">,
  orgId: string,
  name: string,
  except?: Id<"tags">,
) {
  const tags = await ctx.db
    .query("tags")
    .withIndex("by_organization_and_name", (q) => q.eq("organizationId", orgId))
    .take(TAGS_PER_ORGANIZATION_MAX + 1);
  const lower = name.toLocaleLowerCase();
  if (tags.some((tag) => tag._id !== except && tag.name.toLocaleLowerCase() === lower)) {
    fail("INVALID_INPUT", "A tag with that name already exists");
  }
  return tags.length;
}

/** The organization's tags, by name; every member uses them. */
export const list = operatorQuery({
  args: {},
  handler: async (ctx) =>
    await ctx.db
      .query("tags")
      .withIndex("by_organization_and_name", (q) => q.eq("organizationId", ctx.operator.orgId))
      .take(TAGS_PER_ORGANIZATION_MAX),
});

export const create = adminMutation({
  args: { name: v.string(), color: vTagColor },
  handler: async (ctx, { name, color }) => {
    const { operator } = ctx;
    const clean = cleanName(name);
    const count = await requireUniqueName(ctx, operator.orgId, clean);
    if (count >= TAGS_PER_ORGANIZATION_MAX) {
      fail("INVALID_INPUT", `An organization has at most ${TAGS_PER_ORGANIZATION_MAX} tags`);
    }
    const tagId = await ctx.db.insert("tags", {
      organizationId: operator.orgId,
      name: clean,
      color,
    });
    await recordAudit(ctx, operator, "tag.create", tagId, { name: clean });
    return tagId;
  },
});

export const update = adminMutation({
  args: { tagId: v.id("tags"), name: v.string(), color: vTagColor },
  handler: async (ctx, { tagId, name, color }) => {
    const { operator } = ctx;
    await requireOrgTag(ctx, operator, tagId);
    const clean = cleanName(name);
    await requireUniqueName(ctx, operator.orgId, clean, tagId);
    await ctx.db.patch(tagId, { name: clean, color });
    await recordAudit(ctx, operator, "tag.update", tagId, { name: clean });
  },
});

/** Removing a tag takes it off every conversation that carries it. */
export const remove = adminMutation({
  args: { tagId: v.id("tags") },
  handler: async (ctx, { tagId }) => {
    const { operator } = ctx;
    const tag = await requireOrgTag(ctx, operator, tagId);
    const rows = await ctx.db
      .query("conversationTags")
      .withIndex("by_tag", (q) => q.eq("tagId", tagId))
      .collect();
    for (const row of rows) {
      const conversation = await ctx.db.get(row.conversationId);
      if (conversation) await removeConversationTag(ctx, conversation, tagId);
      else await ctx.db.delete(row._id);
    }
    await ctx.db.delete(tagId);
    await recordAudit(ctx, operator, "tag.remove", tagId, { name: tag.name });
  },
});
