import { v } from "convex/values";

import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { recordAudit } from "../lib/audit";
import {
  CANNED_RESPONSES_PER_ORGANIZATION_MAX,
  cleanCannedFields,
  requireFreeShortcut,
  requireOrgCannedResponse,
} from "../lib/cannedResponses/fields";
import { fillVariables } from "../lib/cannedResponses/variables";
import { fail } from "../lib/errors";
import { adminMutation, operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { findOrganization } from "../lib/organizations";
import { vLanguage } from "../lib/validators";
import { widgetSettingsFor } from "../lib/widgetSettings";

async function allOf(ctx: Pick<QueryCtx, "db">, organizationId: string) {
  return await ctx.db
    .query("cannedResponses")
    .withIndex("by_organization_and_shortcut", (q) => q.eq("organizationId", organizationId))
    .take(CANNED_RESPONSES_PER_ORGANIZATION_MAX);
}

/** The organization's library as written, by shortcut; every member reads it. */
export const list = operatorQuery({
  args: {},
  handler: async (ctx) => await allOf(ctx, ctx.operator.orgId),
});

/**
 * The library ready to insert in one conversation: variables filled for its contact, the
 * signed-in operator and the organization; responses in the conversation's language first.
 */
export const forConversation = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    const language =
      conversation.language ?? (await widgetSettingsFor(ctx, operator.orgId)).defaultLanguage;
    const organization = await findOrganization(ctx, operator.orgId);
    const values = {
      "contact.name": conversation.contactName,
      "contact.email": conversation.contactEmail,
      "operator.name": operator.name ?? operator.email ?? "",
      "organization.name": organization?.name ?? "",
    };
    const rank = (row: Doc<"cannedResponses">) => (row.language === language ? 0 : 1);
    return (await allOf(ctx, operator.orgId))
      .sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut))
      .map((row) => ({
        _id: row._id,
        title: row.title,
        shortcut: row.shortcut,
        language: row.language,
        text: fillVariables(row.body, values),
      }));
  },
});

const vFields = { title: v.string(), shortcut: v.string(), body: v.string(), language: vLanguage };

export const create = adminMutation({
  args: vFields,
  handler: async (ctx, { language, ...fields }) => {
    const { operator } = ctx;
    const clean = cleanCannedFields(fields);
    await requireFreeShortcut(ctx, operator.orgId, clean.shortcut, language);
    if ((await allOf(ctx, operator.orgId)).length >= CANNED_RESPONSES_PER_ORGANIZATION_MAX)
      fail("INVALID_INPUT", "The library is full");
    const id = await ctx.db.insert("cannedResponses", {
      organizationId: operator.orgId,
      ...clean,
      language,
    });
    await recordAudit(ctx, operator, "cannedResponse.create", id);
    return id;
  },
});

export const update = adminMutation({
  args: { cannedResponseId: v.id("cannedResponses"), ...vFields },
  handler: async (ctx, { cannedResponseId, language, ...fields }) => {
    const { operator } = ctx;
    await requireOrgCannedResponse(ctx, operator.orgId, cannedResponseId);
    const clean = cleanCannedFields(fields);
    await requireFreeShortcut(ctx, operator.orgId, clean.shortcut, language, cannedResponseId);
    await ctx.db.patch(cannedResponseId, { ...clean, language });
    await recordAudit(ctx, operator, "cannedResponse.update", cannedResponseId);
  },
});

export const remove = adminMutation({
  args: { cannedResponseId: v.id("cannedResponses") },
  handler: async (ctx, { cannedResponseId }) => {
    const { operator } = ctx;
    await requireOrgCannedResponse(ctx, operator.orgId, cannedResponseId);
    await ctx.db.delete(cannedResponseId);
    await recordAudit(ctx, operator, "cannedResponse.remove", cannedResponseId);
  },
});
