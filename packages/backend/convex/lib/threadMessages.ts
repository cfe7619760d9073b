import { listUIMessages, syncStreams, type StreamArgs } from "@convex-dev/agent";
import type { PaginationOptions } from "convex/server";

import { components } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { models } from "./ai/models";
import { attachmentsOfMessages } from "./attachments/attachments";
import { authorOf } from "./messageAuthors";

/** Operators see the agent's tool calls (searches, escalations); visitors see only what was said. */
export type Audience = "contact" | "operator";

const isToolPart = (part: { type?: unknown }) =>
  typeof part.type === "string" && (part.type.startsWith("tool-") || part.type === "dynamic-tool");

function noStreams(streamArgs: StreamArgs | undefined) {
  if (!streamArgs) return undefined;
  return streamArgs.kind === "list"
    ? { kind: "list" as const, messages: [] }
    : { kind: "deltas" as const, deltas: [] };
}

/** A page of a conversation's messages, each with its author, plus replies still streaming. */
export async function listThreadMessages(
  ctx: QueryCtx,
  args: {
    conversationId: Id<"conversations">;
    threadId: string;
    paginationOpts: PaginationOptions;
    streamArgs?: StreamArgs;
    audience: Audience;
  },
) {
  const paginated = await listUIMessages(ctx, components.agent, {
    threadId: args.threadId,
    paginationOpts: args.paginationOpts,
  });
  // Retrieval mode never streams a reply: a client asking for streams gets none without a lookup.
  const streams =
    models().mode === "retrieval"
      ? noStreams(args.streamArgs)
      : await syncStreams(ctx, components.agent, {
          threadId: args.threadId,
          streamArgs: args.streamArgs,
        });
  const forContact = args.audience === "contact";
  // Files are sent by visitors and operators, never by the agent: its messages have none.
  const attachments = await attachmentsOfMessages(
    ctx,
    args.conversationId,
    paginated.page.filter((message) => authorOf(message).author !== "agent").map((m) => m.id),
  );
  return {
    ...paginated,
    // The thread's user id is the visitor's contact session, their credential: it stays out.
    page: paginated.page.map(({ userId: _credential, ...message }) => ({
      ...message,
      ...(forContact ? { parts: message.parts.filter((part) => !isToolPart(part)) } : {}),
      ...authorOf(message),
      attachments: attachments.get(message.id) ?? [],
    })),
    streams:
      streams?.kind === "list"
        ? { ...streams, messages: streams.messages.map(({ userId: _credential, ...m }) => m) }
        : forContact && streams?.kind === "deltas"
          ? {
              ...streams,
              deltas: streams.deltas.map((delta) => ({
                ...delta,
                parts: delta.parts.filter((part: { type?: unknown }) => !isToolPart(part)),
              })),
            }
          : streams,
  };
}
