import { v } from "convex/values";

import { internalMutation } from "../../_generated/server";
import { vLanguage } from "../../lib/validators";

/** A message whose language was clear sets the conversation's language from then on. */
export const remember = internalMutation({
  args: { conversationId: v.id("conversations"), language: vLanguage },
  handler: async (ctx, { conversationId, language }) => {
    const conversation = await ctx.db.get(conversationId);
    if (conversation && conversation.language !== language)
      await ctx.db.patch(conversationId, { language });
  },
});
