import { v } from "convex/values";

import { internalMutation, internalQuery } from "../../_generated/server";
import { vLanguage } from "../../lib/validators";
import { widgetSettingsFor } from "../../lib/widgetSettings";

/** The fallbacks for a message whose own language is unclear: the conversation's, then the widget's. */
export const fallbacks = internalQuery({
  args: { conversationId: v.id("conversations") },
  handler: async (ctx, { conversationId }) => {
    const conversation = await ctx.db.get(conversationId);
    if (!conversation) return { widget: undefined, conversation: undefined };
    const widget = await widgetSettingsFor(ctx, conversation.organizationId);
    return { conversation: conversation.language, widget: widget.defaultLanguage };
  },
});

/** A message whose language was clear sets the conversation's language from then on. */
export const remember = internalMutation({
  args: { conversationId: v.id("conversations"), language: vLanguage },
  handler: async (ctx, { conversationId, language }) => {
    const conversation = await ctx.db.get(conversationId);
    if (conversation && conversation.language !== language)
      await ctx.db.patch(conversationId, { language });
  },
});
