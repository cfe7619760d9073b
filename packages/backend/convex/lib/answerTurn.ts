import { listMessages } from "@convex-dev/agent";

import { components } from "../_generated/api";
import type { QueryCtx } from "../_generated/server";

const PAGE = 50;

/**
 * The visitor's question and the agent's answer at one order of a thread (a question and the
 * steps answering it share an order), or null when there is no agent answer there.
 */
export async function answerTurn(
  ctx: Pick<QueryCtx, "runQuery">,
  threadId: string,
  order: number,
): Promise<{ question: string; answer: string } | null> {
  let cursor: string | null = null;
  for (;;) {
    const { page, isDone, continueCursor } = await listMessages(ctx, components.agent, {
      threadId,
      paginationOpts: { numItems: PAGE, cursor },
      excludeToolMessages: true,
    });
    const turn = page.filter((message) => message.order === order);
    if (turn.length > 0) {
      const question = turn.find((m) => m.message?.role === "user")?.text ?? "";
      // Newest first: the first assistant text is the answer's final words.
      const answer = turn.find((m) => m.message?.role === "assistant" && m.text?.trim())?.text;
      return answer ? { question, answer } : null;
    }
    if (isDone || page.some((message) => message.order < order)) return null;
    cursor = continueCursor;
  }
}
