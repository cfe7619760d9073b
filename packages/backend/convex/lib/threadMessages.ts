import { listUIMessages, syncStreams, type StreamArgs } from "@convex-dev/agent";
import type { PaginationOptions } from "convex/server";

import { components } from "../_generated/api";
import type { QueryCtx } from "../_generated/server";
import { authorOf } from "./messageAuthors";

/** A page of a conversation's messages, each with its author, plus replies still streaming. */
export async function listThreadMessages(
  ctx: QueryCtx,
  args: { threadId: string; paginationOpts: PaginationOptions; streamArgs?: StreamArgs },
) {
  const paginated = await listUIMessages(ctx, components.agent, {
    threadId: args.threadId,
    paginationOpts: args.paginationOpts,
  });
  const streams = await syncStreams(ctx, components.agent, {
    threadId: args.threadId,
    streamArgs: args.streamArgs,
  });
  return {
    ...paginated,
    page: paginated.page.map((message) => ({ ...message, ...authorOf(message) })),
    streams,
  };
}
