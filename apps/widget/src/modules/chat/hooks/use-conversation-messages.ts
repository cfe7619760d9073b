"use client";

import { useUIMessages } from "@convex-dev/agent/react";
import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";

const PAGE_SIZE = 20;

/** A conversation's messages, oldest first, with agent replies streamed in as they are written. */
export function useConversationMessages(
  args: { contactSessionId: Id<"contactSessions">; threadId: string } | "skip",
) {
  return useUIMessages(api.public.messages.list, args, {
    initialNumItems: PAGE_SIZE,
    stream: true,
  });
}

export const OLDER_PAGE_SIZE = PAGE_SIZE;
