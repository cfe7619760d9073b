import { createTool } from "@convex-dev/agent";
import { zodSchema } from "ai";
import { z } from "zod";

import { internal } from "../../../_generated/api";
import { coversQuestion } from "../../answers/relevance";
import { knowledgeBase } from "../../knowledge/knowledgeBase";
import { passageUrl } from "../../knowledge/passageLink";
import { models } from "../models";
import type { KnowledgeSearchOutput, Passage } from "../toolOutputs";
import type { TurnConversation } from "./turnConversation";

/** Nearest chunks fetched; only those that cover the question are handed on. */
const SEARCH_LIMIT = 10;
const PASSAGES_RETURNED = 4;

/** Built once: the AI SDK converts a schema to JSON Schema on first use and keeps it, for every turn. */
const input = zodSchema(
  z.object({ query: z.string().describe("The visitor's question, in their words") }),
);

export const searchKnowledge = (turn: TurnConversation) =>
  createTool({
    description:
      "Search the organization's knowledge base. Use it for every product question before answering; " +
      "answer only from the passages it returns and name their sections. found=false means nothing relevant exists.",
    inputSchema: input,
    execute: async (ctx, { query }): Promise<KnowledgeSearchOutput> => {
      const conversation = turn.current;
      const m = models();
      const { results, entries } = await knowledgeBase(m).search(ctx, {
        namespace: conversation.organizationId,
        query,
        limit: SEARCH_LIMIT,
        vectorScoreThreshold: m.relevanceThreshold,
      });
      const files = new Map(entries.map((entry) => [entry.entryId, entry]));
      const siteUrl = process.env.CONVEX_SITE_URL;
      // Similar vectors are not an answer: a passage must cover what the question is about.
      const passages: Passage[] = results
        .map((result) => {
          const entry = files.get(result.entryId);
          const source = entry?.title ?? "document";
          const chunk = result.content[0];
          const section =
            typeof chunk?.metadata?.section === "string" ? chunk.metadata.section : source;
          const fileId = entry?.metadata?.fileId;
          const url =
            siteUrl && fileId
              ? passageUrl(siteUrl, {
                  organizationId: conversation.organizationId,
                  fileId,
                  section,
                  language: conversation.language ?? "en",
                })
              : undefined;
          return { source, section, text: chunk?.text ?? "", score: result.score, fileId, url };
        })
        .filter((passage) => coversQuestion(query, `${passage.section} ${passage.text}`))
        .slice(0, PASSAGES_RETURNED);
      // A file the admin publishes elsewhere is cited at that address instead of its passage page.
      const fileIds = passages.flatMap((p) => (p.fileId ? [p.fileId] : []));
      const publicUrls =
        fileIds.length > 0
          ? await ctx.runQuery(internal.system.knowledge.files.publicUrls, {
              organizationId: conversation.organizationId,
              fileIds,
            })
          : {};
      for (const passage of passages)
        if (passage.fileId && publicUrls[passage.fileId]) passage.url = publicUrls[passage.fileId];
      const found = passages.length > 0;
      // A hit after a hit leaves the miss count at 0: there is nothing to record.
      const consecutiveMisses =
        found && conversation.knowledgeMisses === 0
          ? 0
          : await ctx.runMutation(internal.system.conversations.recordKnowledgeSearch, {
              conversationId: conversation._id,
              found,
            });
      turn.current = { ...conversation, knowledgeMisses: consecutiveMisses };
      return {
        found,
        passages,
        sources: [...new Set(passages.map((p) => p.section ?? p.source))],
        consecutiveMisses,
      };
    },
  });
