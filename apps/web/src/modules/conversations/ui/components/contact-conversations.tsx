"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Badge } from "@echo/ui/components/badge";
import { markdownPlainText } from "@echo/ui/lib/markdown-plain-text";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { statusBadgeVariant } from "../../lib/conversation-status";
import { RelativeTime } from "./relative-time";

/** The visitor's other conversations in this organization, each linking to its thread. */
export function ContactConversations({ conversationId }: { conversationId: Id<"conversations"> }) {
  const t = useTranslations("conversations");
  const { query } = useInboxFilters();
  const conversations = useQuery(api.private.contactSessions.listConversations, {
    conversationId,
  });
  const others = conversations?.filter((conversation) => conversation._id !== conversationId);
  return (
    <section aria-label={t("contact.otherConversations")} className="grid gap-2">
      <h3 className="font-medium">{t("contact.otherConversations")}</h3>
      {others === undefined ? (
        <div
          className="h-16 animate-pulse rounded-md bg-muted"
          aria-label={t("contact.loadingConversations")}
        />
      ) : others.length === 0 ? (
        <p className="text-muted-foreground">{t("contact.noOtherConversations")}</p>
      ) : (
        <ul className="grid gap-1">
          {others.map((conversation) => (
            <li key={conversation._id}>
              <Link
                href={`/conversations/${conversation._id}${query ? `?${query}` : ""}`}
                className="grid gap-1 rounded-md border p-2 hover:bg-accent"
              >
                <span className="flex items-center justify-between gap-2">
                  <Badge variant={statusBadgeVariant(conversation.status)}>
                    {t(`status.${conversation.status}`)}
                  </Badge>
                  <RelativeTime
                    className="text-xs text-muted-foreground"
                    at={conversation.lastMessageAt}
                  />
                </span>
                <span className="truncate text-xs">
                  {conversation.channel === "voice" ? `${t("contact.voice")} · ` : null}
                  {conversation.lastMessage
                    ? markdownPlainText(conversation.lastMessage)
                    : t("contact.noMessage")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
