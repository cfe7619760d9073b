import { createTool } from "@convex-dev/agent";
import { z } from "zod";

import { internal } from "../../../_generated/api";
import { knowledgeBase } from "../../knowledge/knowledgeBase";
import { models } from "../models";
import type { KnowledgeSearchOutput } from "../toolOutputs";
import { conversationForTool } from "./conversationForTool";

const SEARCH_LIMIT = 4;

export const searchKnowledge = createTool({
  description:
    "Search the organization's knowledge base. Use it for every product question before answering; " +
    "answer only from the passages it returns and name their source files.",
  inputSchema: z.object({ query: z.string().describe("The visitor's question, in their words") }),
  execute: async (ctx, { query }): Promise<KnowledgeSearchOutput> => {
    const conversation = await conversationForTool(ctx);
    const m = models();
    const { results, entries } = await knowledgeBase(m).search(ctx, {
      namespace: conversation.organizationId,
      query,
      limit: SEARCH_LIMIT,
      vectorScoreThreshold: m.relevanceThreshold,
      chunkContext: { before: 0, after: 1 },
    });
    const titles = new Map(entries.map((entry) => [entry.entryId, entry.title ?? "document"]));
    const passages = results.map((result) => ({
      source: titles.get(result.entryId) ?? "document",
      text: result.content.map((chunk) => chunk.text).join("\n"),
      score: result.score,
    }));
    const found = passages.length > 0;
    const consecutiveMisses = await ctx.runMutation(
      internal.system.conversations.recordKnowledgeSearch,
      {
        conversationId: conversation._id,
        found,
      },
    );
    return {
      found,
      passages,
      sources: [...new Set(passages.map((p) => p.source))],
      consecutiveMisses,
    };
  },
});
