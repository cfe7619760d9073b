import { listMessages, serializeMessage, type MessageDoc } from "@convex-dev/agent";
import { v } from "convex/values";

import { components, internal } from "../../_generated/api";
import type { Doc } from "../../_generated/dataModel";
import { internalAction, type ActionCtx } from "../../_generated/server";
import { agentTurnLimits, handOverOverBudget } from "../../lib/abuse/agentTurn";
import { models } from "../../lib/ai/models";
import { AGENT_NAME, supportAgent } from "../../lib/ai/supportAgent";
import { supportInstructions } from "../../lib/ai/supportInstructions";
import { detectMessageLanguage, type ReplyLanguage } from "../../lib/answers/language";
import { replyTemplates } from "../../lib/answers/replyTemplates";
import { withAvailability } from "../../lib/answers/teamAvailability";
import { logEvent, type LogFields, type LogLevel, startTimer } from "../../lib/logging/log";
import { requestIdOf, vRequestId } from "../../lib/logging/requestId";
import { vLanguage } from "../../lib/validators";
import { authorOf } from "../../lib/messageAuthors";
import { answerMessageId } from "./saveReply";

async function say(
  ctx: ActionCtx,
  conversation: Doc<"conversations">,
  text: string,
): Promise<void> {
  await ctx.runMutation(internal.system.ai.saveReply.saveReply, {
    conversationId: conversation._id,
    messages: [{ role: "assistant", content: text }],
    text,
  });
}

/**
 * While a person has yet to answer an escalated conversation, a visitor's message gets one short
 * acknowledgement (not one per message), and none once an operator has replied.
 */
async function acknowledgeWhileEscalated(
  ctx: ActionCtx,
  conversation: Doc<"conversations">,
  language: ReplyLanguage,
): Promise<void> {
  const { page } = await listMessages(ctx, components.agent, {
    threadId: conversation.threadId,
    paginationOpts: { numItems: 20, cursor: null },
    excludeToolMessages: true,
  });
  const lastReply = page.find((m) => m.message?.role === "assistant");
  if (
    lastReply &&
    authorOf({ role: "assistant", agentName: lastReply.agentName }).author === "operator"
  )
    return;
  const ack = Object.values(replyTemplates).map((t) => t.awaitingPerson);
  if (lastReply && ack.some((text) => (lastReply.text ?? "").startsWith(text))) return;
  const team = await ctx.runQuery(internal.system.officeHours.availability, {
    organizationId: conversation.organizationId,
  });
  await say(
    ctx,
    conversation,
    withAvailability(replyTemplates[language].awaitingPerson, language, team),
  );
}

async function streamedReply(result: {
  consumeStream: () => PromiseLike<void>;
  text: PromiseLike<string>;
  savedMessages?: MessageDoc[];
}): Promise<{ text: string; savedMessages?: MessageDoc[] }> {
  await result.consumeStream();
  return { text: await result.text, savedMessages: result.savedMessages };
}

/** The agent answers a visitor's message; once escalated, it only acknowledges it. */
export const respond = internalAction({
  args: {
    conversationId: v.id("conversations"),
    promptMessageId: v.string(),
    prompt: v.string(),
    /** The prompt's language as the message's mutation detected it (and set on the conversation). */
    detectedLanguage: v.optional(vLanguage),
    /** How many files came with the message. */
    attachments: v.optional(v.number()),
    /** The visitor action's request id (public/messages:send), carried into this turn's logs. */
    requestId: vRequestId,
  },
  handler: async (ctx, { conversationId, promptMessageId, prompt, attachments = 0, ...args }) => {
    const elapsed = startTimer();
    const requestId = requestIdOf(args.requestId);
    const detected = args.detectedLanguage ?? detectMessageLanguage(prompt) ?? undefined;
    const turn = await ctx.runMutation(internal.system.ai.beginTurn.beginTurn, {
      conversationId,
      detectedLanguage: detected,
      attachments,
    });
    const log = (level: LogLevel, event: string, fields: LogFields = {}) =>
      logEvent(level, event, {
        requestId,
        organizationId: turn.conversation?.organizationId,
        conversationId,
        durationMs: elapsed(),
        ...fields,
      });
    if (turn.kind === "skipped") {
      log("info", "agent.turn.skipped", { reason: turn.conversation ? "resolved" : "missing" });
      return;
    }
    const { conversation, language } = turn;
    if (turn.kind === "withoutAgent" && conversation.status === "escalated") {
      await acknowledgeWhileEscalated(ctx, conversation, language);
      log("info", "agent.turn.acknowledged", { language });
      return;
    }
    if (turn.kind === "withoutAgent") {
      // Neither model nor retrieval reads files; a person can, so the agent offers one.
      await say(ctx, conversation, replyTemplates[language].attachmentUnreadable);
      log("info", "agent.turn.attachmentUnreadable", { language, attachments });
      return;
    }
    if (turn.kind === "overBudget") {
      await handOverOverBudget(ctx, conversation, { language, agentName: AGENT_NAME });
      log("warn", "agent.turn.overBudget", { language });
      return;
    }
    const limits = agentTurnLimits(conversation.organizationId);
    try {
      const m = models();
      const agent = supportAgent(conversation, m);
      // Every conversation's thread belongs to its contact session: no lookup of the thread's user.
      const thread = { threadId: conversation.threadId, userId: conversation.contactSessionId };
      const prompt = {
        promptMessageId,
        instructions: supportInstructions(turn.agent.name, turn.agent.instructions, language),
        maxOutputTokens: limits.maxOutputTokens,
      };
      let text: string;
      if (m.mode === "model") {
        const streamed = await streamedReply(
          await agent.streamText(ctx, thread, prompt, {
            saveStreamDeltas: true,
            ...limits.options,
          }),
        );
        text = streamed.text;
        const threadMessageId = answerMessageId(streamed.savedMessages);
        if (text.trim() && threadMessageId)
          await ctx.runMutation(internal.system.conversations.recordAgentReply, {
            conversationId,
            text,
            threadMessageId,
          });
      } else {
        // Retrieval mode composes a reply at once: no stream, and its steps saved in one commit.
        const result = await agent.generateText(ctx, thread, prompt, {
          ...limits.options,
          storageOptions: { saveMessages: "none" },
        });
        text = result.text;
        await ctx.runMutation(internal.system.ai.saveReply.saveReply, {
          conversationId,
          promptMessageId,
          messages: await Promise.all(
            result.steps
              .flatMap((step) => step.response.messages)
              .map(
                async (message) => (await serializeMessage(ctx, components.agent, message)).message,
              ),
          ),
          text,
          model: m.languageModel.modelId,
          provider: m.languageModel.provider,
        });
      }
      log("info", "agent.turn.answered", { language, answerChars: text.trim().length });
    } catch (error) {
      // A visitor must never be left without an answer: tell them, and put a person on it.
      log("error", "agent.turn.failed", { language, error: String(error) });
      await say(ctx, conversation, replyTemplates[language].unavailable);
      await ctx.runMutation(internal.system.conversations.escalate, { conversationId });
    }
  },
});
