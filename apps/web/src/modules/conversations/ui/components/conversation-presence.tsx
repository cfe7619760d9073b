"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Doc, Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

/** Under the thread: the visitor typing (with their draft, where previews are on) and "Seen". */
export function ConversationPresence({
  conversationId,
  contactName,
  lastMessage,
  unreadByContact,
}: {
  conversationId: Id<"conversations">;
  contactName: string;
  lastMessage: Doc<"conversations">["lastMessage"];
  unreadByContact: number;
}) {
  const t = useTranslations("presence");
  const typing = useQuery(api.private.typing.visitor, { conversationId });
  const seen = lastMessage?.author === "operator" && unreadByContact === 0;
  if (!typing && !seen) return null;
  return (
    <div className="flex flex-col gap-1 px-4 pb-2 text-xs text-muted-foreground">
      {seen ? (
        <p className="self-end" data-testid="seen-by-visitor">
          {t("seenByVisitor")}
        </p>
      ) : null}
      {typing ? (
        <p role="status" data-testid="visitor-typing" className="min-w-0 break-words">
          {t("visitorTyping", { name: contactName })}
          {typing.preview ? (
            <>
              {" "}
              <q className="italic">{typing.preview}</q>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
