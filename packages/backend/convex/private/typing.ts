import { v } from "convex/values";

import { adminMutation, operatorMutation, operatorQuery } from "../lib/functions";
import { requireOrgConversation } from "../lib/operatorConversations";
import { recordAudit } from "../lib/audit";
import {
  clearTyping,
  markTyping,
  typingPreviewEnabled,
  typingStatesOf,
} from "../lib/presence/typing";

/** The operator is typing a reply; the visitor sees their name. */
export const set = operatorMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    if (conversation.status === "resolved") return;
    await markTyping(ctx, conversation, {
      typist: "operator",
      userId: operator.userId,
      name: operator.name,
    });
  },
});

export const clear = operatorMutation({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const { operator } = ctx;
    const conversation = await requireOrgConversation(ctx, operator, conversationId);
    await clearTyping(ctx, conversation._id, "operator", operator.userId);
  },
});

/** Whether the visitor is typing, with their draft when the organization shows previews. */
export const visitor = operatorQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await requireOrgConversation(ctx, ctx.operator, conversationId);
    const [row] = await typingStatesOf(ctx, conversation._id, "contact");
    if (!row) return null;
    const showPreview = await typingPreviewEnabled(ctx, conversation.organizationId);
    return { preview: showPreview ? (row.preview ?? null) : null };
  },
});

export const previewSetting = operatorQuery({
  args: {},
  handler: async (ctx) => ({ enabled: await typingPreviewEnabled(ctx, ctx.operator.orgId) }),
});

/** Admins choose whether operators see the visitor's draft while they type. */
export const setPreview = adminMutation({
  args: { enabled: v.boolean() },
  handler: async (ctx, { enabled }) => {
    const { operator } = ctx;
    const existing = await ctx.db
      .query("presenceSettings")
      .withIndex("by_organization", (q) => q.eq("organizationId", operator.orgId))
      .unique();
    if (existing) await ctx.db.patch(existing._id, { typingPreview: enabled });
    else
      await ctx.db.insert("presenceSettings", {
        organizationId: operator.orgId,
        typingPreview: enabled,
      });
    await recordAudit(ctx, operator, "organization.typingPreview", undefined, { enabled });
  },
});
