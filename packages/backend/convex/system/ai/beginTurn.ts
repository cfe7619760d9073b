import { v } from "convex/values";

import { internalMutation } from "../../_generated/server";
import { chargeAgentTurn } from "../../lib/abuse/aiBudget";
import { organizationSettingsFor } from "../../lib/organizationSettings";
import { findOrganization } from "../../lib/organizations";
import { vLanguage } from "../../lib/validators";
import { widgetSettingsFor } from "../../lib/widgetSettings";

/**
 * A turn's first step, in one transaction: the conversation, the reply's language (the message's
 * own, which the conversation keeps from then on, else the conversation's, else the widget's), and
 * for a turn the agent answers, the organization's daily budget charged and what the agent speaks
 * for. Escalated conversations and messages with files are answered without the agent: no charge.
 */
export const beginTurn = internalMutation({
  args: {
    conversationId: v.id("conversations"),
    detectedLanguage: v.optional(vLanguage),
    attachments: v.number(),
  },
  handler: async (ctx, { conversationId, detectedLanguage, attachments }) => {
    let conversation = await ctx.db.get(conversationId);
    if (!conversation || conversation.status === "resolved")
      return { kind: "skipped" as const, conversation };
    const { organizationId } = conversation;
    if (detectedLanguage && detectedLanguage !== conversation.language) {
      await ctx.db.patch(conversationId, { language: detectedLanguage });
      conversation = { ...conversation, language: detectedLanguage };
    }
    const language =
      detectedLanguage ??
      conversation.language ??
      (await widgetSettingsFor(ctx, organizationId)).defaultLanguage;
    if (conversation.status === "escalated" || attachments > 0)
      return { kind: "withoutAgent" as const, conversation, language };
    if (!(await chargeAgentTurn(ctx, organizationId)))
      return { kind: "overBudget" as const, conversation, language };
    const organization = await findOrganization(ctx, organizationId);
    const settings = await organizationSettingsFor(ctx, organizationId);
    return {
      kind: "agent" as const,
      conversation,
      language,
      agent: {
        name: organization?.name ?? "this company",
        instructions: settings.agentInstructions,
      },
    };
  },
});
