"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { useSessionErrorHandler } from "@/modules/session/hooks/use-session-expiry";

/** The visitor's choice to get the conversation by email when it is resolved. */
export function TranscriptOptIn({
  contactSessionId,
  conversationId,
}: {
  contactSessionId: Id<"contactSessions">;
  conversationId: Id<"conversations">;
}) {
  const t = useTranslations("transcript");
  const handleSessionError = useSessionErrorHandler();
  const wanted = useQuery(api.public.transcripts.get, { contactSessionId, conversationId });
  // The box follows the click at once; the server's answer then confirms or reverts it.
  const set = useMutation(api.public.transcripts.set).withOptimisticUpdate((store, args) => {
    const query = {
      contactSessionId: args.contactSessionId,
      conversationId: args.conversationId,
    };
    store.setQuery(api.public.transcripts.get, query, args.wanted);
  });
  if (wanted === undefined) return null;
  return (
    <label className="flex items-center gap-2 px-3 pt-2 text-xs text-muted-foreground">
      <input
        type="checkbox"
        className="size-3.5"
        checked={wanted}
        onChange={(event) =>
          void set({ contactSessionId, conversationId, wanted: event.target.checked }).catch(
            handleSessionError,
          )
        }
      />
      {t("emailMe")}
    </label>
  );
}
