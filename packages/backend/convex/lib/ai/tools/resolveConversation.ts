import { createTool } from "@convex-dev/agent";
import { zodSchema } from "ai";
import { z } from "zod";

import { internal } from "../../../_generated/api";
import type { ResolveOutput } from "../toolOutputs";
import type { TurnConversation } from "./turnConversation";

/** Built once: the AI SDK converts a schema to JSON Schema on first use and keeps it, for every turn. */
const input = zodSchema(z.object({}));

export const resolveConversation = (turn: TurnConversation) =>
  createTool({
    description:
      "Mark the conversation resolved. Use it only when the visitor clearly says they are done " +
      '(for example "thanks, that\'s all").',
    inputSchema: input,
    execute: async (ctx): Promise<ResolveOutput> => {
      const conversation = turn.current;
      const resolved = await ctx.runMutation(internal.system.conversations.resolve, {
        conversationId: conversation._id,
      });
      return { resolved };
    },
  });
