import { saveMessage } from "@convex-dev/agent";
import { v } from "convex/values";

import { components, internal } from "../../_generated/api";
import { internalAction } from "../../_generated/server";
import { beginAgentTurn } from "../../lib/abuse/agentTurn";
import { replyTemplates } from "./replyTemplates";
import { AGENT_NAME, supportAgent, supportInstructions } from "./supportAgent";
import { detectLanguage } from "./textFeatures";

/** The agent answers a visitor's message while the conversation is still unresolved. */
export const respond = internalAction({
  args: { conversationId: v.id("conversations"), promptMessageId: v.string(), prompt: v.string() },
  handler: async (ctx, { conversationId, promptMessageId, prompt }) => {
    const conversation = await ctx.runQuery(internal.system.conversations.get, { conversationId });
    if (!conversation || conversation.status !== "unresolved") return;
    const context = await ctx.runQuery(internal.system.organizations.agentContext, {
      organizationId: conversation.organizationId,
    });
    const limits = await beginAgentTurn(ctx, conversation, {
      language: detectLanguage(prompt),
      agentName: AGENT_NAME,
    });
    if (!limits) return;
    try {
      const result = await supportAgent().streamText(
        ctx,
        { threadId: conversation.threadId },
        {
          promptMessageId,
          instructions: supportInstructions(context.name, context.instructions),
          maxOutputTokens: limits.maxOutputTokens,
        },
        { saveStreamDeltas: true, ...limits.options },
      );
      await result.consumeStream();
      const text = await result.text;
      if (text.trim()) {
        await ctx.runMutation(internal.system.conversations.recordAgentReply, {
          conversationId,
          text,
        });
      }
    } catch (error) {
      // A visitor must never be left without an answer: tell them, and put a person on it.
      console.error("Support agent failed", { conversationId, error: String(error) });
      const notice = replyTemplates[detectLanguage(prompt)].unavailable;
      await saveMessage(ctx, components.agent, {
        threadId: conversation.threadId,
        agentName: AGENT_NAME,
        message: { role: "assistant", content: notice },
      });
      await ctx.runMutation(internal.system.conversations.recordAgentReply, {
        conversationId,
        text: notice,
      });
      await ctx.runMutation(internal.system.conversations.escalate, { conversationId });
    }
  },
});
