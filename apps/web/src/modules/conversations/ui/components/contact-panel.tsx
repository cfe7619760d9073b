"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { useFormatter, useNow, useTranslations } from "next-intl";

import { describeContact } from "../../lib/describe-contact";
import { ContactConversations } from "./contact-conversations";

export function ContactPanel({ conversationId }: { conversationId: Id<"conversations"> }) {
  const t = useTranslations("conversations.contact");
  const format = useFormatter();
  // Re-rendered each minute so the session's age stays current.
  const now = useNow({ updateInterval: 60_000 });
  const contact = useQuery(api.private.contactSessions.getForConversation, { conversationId });
  if (contact === undefined)
    return <div className="h-40 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  if (contact === null) return <p className="text-sm text-muted-foreground">{t("missing")}</p>;
  const facts = describeContact(contact.metadata);
  const rows: Array<[string, string | null]> = [
    [t("email"), contact.email],
    [t("browser"), facts.browser],
    [t("os"), facts.os],
    [t("device"), facts.device],
    [t("language"), facts.language],
    [t("timezone"), facts.timezone],
    [
      t("country"),
      facts.country ? `${facts.country.flag ?? ""} ${facts.country.code}`.trim() : null,
    ],
    [t("page"), facts.pageTitle ?? facts.currentUrl],
    [t("sessionStarted"), format.relativeTime(contact.createdAt, now)],
  ];
  return (
    <section aria-label={t("title")} className="grid gap-3 text-sm">
      <h2 className="font-semibold">{contact.name}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="truncate" title={value ?? undefined}>
              {value ?? t("unknown")}
            </dd>
          </div>
        ))}
      </dl>
      <ContactConversations conversationId={conversationId} />
    </section>
  );
}
