import { v } from "convex/values";

import { internalQuery } from "../../_generated/server";
import { organizationSettingsFor } from "../../lib/organizationSettings";
import { findOrganization } from "../../lib/organizations";
import { widgetSettingsFor } from "../../lib/widgetSettings";

/**
 * Everything a turn reads before answering, in one query: the conversation, the languages a reply
 * falls back to when the message's own is unclear (the conversation's, then the widget's), and
 * the organization the agent speaks for.
 */
export const turnContext = internalQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation) return null;
    const { organizationId } = conversation;
    const widget = await widgetSettingsFor(ctx, organizationId);
    const organization = await findOrganization(ctx, organizationId);
    const settings = await organizationSettingsFor(ctx, organizationId);
    return {
      conversation,
      fallbackLanguage: conversation.language ?? widget.defaultLanguage,
      agent: {
        name: organization?.name ?? "this company",
        instructions: settings.agentInstructions,
      },
    };
  },
});
