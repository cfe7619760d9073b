import { createTool } from "@convex-dev/agent";
import { z } from "zod";

import { internal } from "../../../_generated/api";
import type { ResolveOutput } from "../toolOutputs";
import type { TurnConversation } from "./turnConversation";

export const resolveConversation = (turn: TurnConversation) =>
  createTool({
    description:
      "Mark the conversation resolved. Use it only when the visitor clearly says they are done " +
      '(for example "thanks, that\'s all").',
    inputSchema: z.object({}),
    execute: async (ctx): Promise<ResolveOutput> => {
      const conversation = turn.current;
      const resolved = await ctx.runMutation(internal.system.conversations.resolve, {
        conversationId: conversation._id,
      });
      return { resolved };
    },
  });
