"use client";

import { type UIMessage, type UIMessagesQuery, useUIMessages } from "@convex-dev/agent/react";
import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import type { SyncStreamsReturnValue } from "@convex-dev/agent";
import type { FunctionReference } from "convex/server";

import type { ChatMessage } from "../lib/chat-message";

const PAGE_SIZE = 20;

type Args = { contactSessionId: Id<"contactSessions">; conversationId: Id<"conversations"> };

// useUIMessages types its query as taking { threadId }; ours finds the thread from the
// conversation on the server (after checking the session owns it), so the types are bridged here.
type ListMessages = UIMessagesQuery<{ threadId: string }, UIMessage & ChatMessage> &
  FunctionReference<"query", "public", { threadId: string }, { streams: SyncStreamsReturnValue }>;
const listMessages = api.public.messages.list as unknown as ListMessages;

/** A conversation's messages, oldest first, with agent replies streamed in as they are written. */
export function useConversationMessages(args: Args | "skip") {
  return useUIMessages(listMessages, args as unknown as { threadId: string } | "skip", {
    initialNumItems: PAGE_SIZE,
    stream: true,
  });
}

export const OLDER_PAGE_SIZE = PAGE_SIZE;
