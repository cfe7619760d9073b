"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useEffect, useState } from "react";

import { usePostUnread } from "@/modules/embed/hooks/use-embed-bridge";

const RECENT = 20;

/**
 * Tells the loader how many replies the visitor has not read, for the launcher's badge, and hands
 * it the visitor's unread token so the badge shows on later page views before the widget loads.
 */
export function useUnreadBadge(contactSessionId: Id<"contactSessions"> | null) {
  const recent = useQuery(
    api.public.conversations.listOwn,
    contactSessionId
      ? { contactSessionId, paginationOpts: { numItems: RECENT, cursor: null } }
      : "skip",
  );
  const issueToken = useMutation(api.public.unreadTokens.issue);
  const [token, setToken] = useState<{ for: string; value: string } | null>(null);
  useEffect(() => {
    if (!contactSessionId) return;
    let current = true;
    issueToken({ contactSessionId })
      .then((value) => {
        if (current) setToken({ for: contactSessionId, value });
      })
      // Without a token the badge still works while the widget is loaded.
      .catch((error: unknown) => console.warn("no unread token", error));
    return () => {
      current = false;
    };
  }, [contactSessionId, issueToken]);
  const count = recent?.page.reduce((sum, conversation) => sum + conversation.unread, 0) ?? 0;
  usePostUnread(count, token?.for === contactSessionId ? token.value : undefined);
}
