import { createTool } from "@convex-dev/agent";
import { zodSchema } from "ai";
import { z } from "zod";

import { internal } from "../../../_generated/api";
import type { EscalateOutput } from "../toolOutputs";
import type { TurnConversation } from "./turnConversation";

/** Built once: the AI SDK converts a schema to JSON Schema on first use and keeps it, for every turn. */
const input = zodSchema(
  z.object({
    reason: z
      .enum(["visitor_request", "knowledge_gap", "other"])
      .describe("Why a person is needed"),
  }),
);

export const escalateConversation = (turn: TurnConversation) =>
  createTool({
    description:
      "Hand the conversation to a human operator. Use it when the visitor asks for a person, " +
      "or when the knowledge base had nothing relevant twice in a row.",
    inputSchema: input,
    execute: async (ctx, { reason }): Promise<EscalateOutput> => {
      const conversation = turn.current;
      const escalated = await ctx.runMutation(internal.system.conversations.escalate, {
        conversationId: conversation._id,
      });
      const team = await ctx.runQuery(internal.system.officeHours.availability, {
        organizationId: conversation.organizationId,
      });
      return { escalated, reason, team };
    },
  });
