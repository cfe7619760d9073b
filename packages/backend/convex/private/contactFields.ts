import { v } from "convex/values";

import { recordAudit } from "../lib/audit";
import { fieldDefinitions } from "../lib/contacts/input";
import { normalizeText } from "../lib/contacts/normalize";
import { stageLabelsOf } from "../lib/contacts/stages";
import { CONTACT_STAGES, vContactFieldType, vContactStage } from "../lib/contacts/validators";
import { fail } from "../lib/errors";
import { adminMutation, operatorQuery } from "../lib/functions";

const FIELD_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_FIELDS = 50;

/** The organization's custom contact fields and its lifecycle stage labels. */
export const list = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { orgId } = ctx.operator;
    return {
      fields: (await fieldDefinitions(ctx, orgId)).map(({ key, label, type, options }) => ({
        key,
        label,
        type,
        options: options ?? [],
      })),
      stages: [...CONTACT_STAGES],
      /** Only the stages the organization renamed; the others use the translated defaults. */
      stageLabels: await stageLabelsOf(ctx, orgId),
    };
  },
});

/** Adds or redefines a custom field; existing values are checked again on their next write. */
export const define = adminMutation({
  args: {
    key: v.string(),
    label: v.string(),
    type: vContactFieldType,
    options: v.optional(v.array(v.string())),
  },
  handler: async (ctx, { key, label, type, options }) => {
    const { orgId } = ctx.operator;
    if (!FIELD_KEY.test(key))
      fail(
        "INVALID_INPUT",
        "A field key is lowercase letters, digits and _, starting with a letter",
      );
    const name = normalizeText(label, 60);
    if (!name) fail("INVALID_INPUT", "A field needs a label");
    const choices = [...new Set((options ?? []).map((o) => o.trim()).filter(Boolean))];
    if (type === "select" && choices.length === 0)
      fail("INVALID_INPUT", "A select field needs options");
    const existing = await ctx.db
      .query("contactFields")
      .withIndex("by_organization_and_key", (q) => q.eq("organizationId", orgId).eq("key", key))
      .unique();
    const definition = { label: name, type, options: type === "select" ? choices : undefined };
    if (existing) await ctx.db.patch(existing._id, definition);
    else {
      if ((await fieldDefinitions(ctx, orgId)).length >= MAX_FIELDS)
        fail("INVALID_INPUT", `At most ${MAX_FIELDS} custom fields`);
      await ctx.db.insert("contactFields", { organizationId: orgId, key, ...definition });
    }
    await recordAudit(ctx, ctx.operator, "contactField.define", key, { type });
    return null;
  },
});

export const remove = adminMutation({
  args: { key: v.string() },
  handler: async (ctx, { key }) => {
    const { orgId } = ctx.operator;
    const existing = await ctx.db
      .query("contactFields")
      .withIndex("by_organization_and_key", (q) => q.eq("organizationId", orgId).eq("key", key))
      .unique();
    if (!existing) fail("NOT_FOUND", "No such field");
    await ctx.db.delete(existing._id);
    await recordAudit(ctx, ctx.operator, "contactField.remove", key);
    return null;
  },
});

/** An organization's own names for the lifecycle stages; an empty label restores the default. */
export const setStageLabel = adminMutation({
  args: { stage: vContactStage, label: v.string() },
  handler: async (ctx, { stage, label }) => {
    const { orgId } = ctx.operator;
    const row = await ctx.db
      .query("contactSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", orgId))
      .unique();
    const stageLabels = { ...(row?.stageLabels ?? {}) };
    const text = normalizeText(label, 40);
    if (text) stageLabels[stage] = text;
    else delete stageLabels[stage];
    if (row) await ctx.db.patch(row._id, { stageLabels });
    else await ctx.db.insert("contactSettings", { organizationId: orgId, stageLabels });
    await recordAudit(ctx, ctx.operator, "contactStage.setLabel", stage, {
      label: text ?? "",
    });
    return null;
  },
});
