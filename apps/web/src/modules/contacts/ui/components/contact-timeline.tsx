"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { markdownPlainText } from "@echo/ui/lib/markdown-plain-text";
import { useQuery } from "convex/react";
import { useFormatter, useNow, useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

/** Every conversation of the contact on every channel, newest activity first. */
export function ContactTimeline({ contactId }: { contactId: Id<"contacts"> }) {
  const t = useTranslations("contacts.timeline");
  const tStatus = useTranslations("conversations.filters");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const conversations = useQuery(api.private.contactHistory.conversations, { contactId });
  return (
    <section aria-labelledby="contact-timeline" className="grid content-start gap-2">
      <h2 id="contact-timeline" className="font-semibold">
        {t("title")}
      </h2>
      {conversations === undefined ? (
        <div className="h-20 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
      ) : conversations.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <ol className="grid gap-2">
          {conversations.map((conversation) => (
            <li key={conversation._id}>
              <Link
                href={`/conversations/${conversation._id}`}
                className="grid gap-1 rounded-md border p-3 text-sm hover:bg-accent"
              >
                <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <span>{t(`channels.${conversation.channel}`)}</span>
                  <span>·</span>
                  <span>{tStatus(conversation.status)}</span>
                  <span>·</span>
                  <span>{format.relativeTime(conversation.lastMessageAt, now)}</span>
                </span>
                <span className="line-clamp-2">
                  {conversation.lastMessage
                    ? markdownPlainText(conversation.lastMessage)
                    : t("noMessages")}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
