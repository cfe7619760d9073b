"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { ContactFacts } from "./contact-facts";
import { ContactConversations } from "./contact-conversations";
import { ContactRecord } from "./contact-record";

export function ContactPanel({ conversationId }: { conversationId: Id<"conversations"> }) {
  const t = useTranslations("conversations.contact");
  const contact = useQuery(api.private.contactSessions.getForConversation, { conversationId });
  if (contact === undefined)
    return <div className="h-40 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  if (contact === null) return <p className="text-sm text-muted-foreground">{t("missing")}</p>;
  return (
    <section aria-label={t("title")} className="grid gap-3 text-sm">
      <ContactFacts contact={contact} />
      <ContactRecord conversationId={conversationId} />
      <ContactConversations conversationId={conversationId} />
    </section>
  );
}
