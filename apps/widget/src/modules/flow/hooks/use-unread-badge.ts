"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";

import { usePostUnread } from "@/modules/embed/hooks/use-embed-bridge";

const RECENT = 20;

/** Tells the loader how many replies the visitor has not read, for the launcher's badge. */
export function useUnreadBadge(contactSessionId: Id<"contactSessions"> | null) {
  const recent = useQuery(
    api.public.conversations.listOwn,
    contactSessionId
      ? { contactSessionId, paginationOpts: { numItems: RECENT, cursor: null } }
      : "skip",
  );
  const count = recent?.page.reduce((sum, conversation) => sum + conversation.unread, 0) ?? 0;
  usePostUnread(count);
}
