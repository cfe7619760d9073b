"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Badge } from "@echo/ui/components/badge";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

/** The visitor's CSAT rating of this conversation, with their comment, once they gave it. */
export function ConversationRating({ conversationId }: { conversationId: Id<"conversations"> }) {
  const t = useTranslations("csat.conversation");
  const rating = useQuery(api.private.csat.forConversation, { conversationId });
  if (!rating) return null;
  return (
    <p className="flex w-full min-w-0 items-center gap-2 text-sm" data-testid="conversation-rating">
      <Badge variant={rating.rating >= 4 ? "secondary" : "outline"}>
        <span aria-hidden>★ </span>
        {t("rated", { rating: rating.rating })}
      </Badge>
      {rating.comment ? (
        <q className="truncate text-muted-foreground" title={rating.comment}>
          {rating.comment}
        </q>
      ) : null}
    </p>
  );
}
