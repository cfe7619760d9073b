"use client";

import type { Channel } from "@echo/backend/convex/lib/validators";
import { useFormatter, useNow, useTranslations } from "next-intl";

import { formatPhone } from "@/modules/contacts/lib/format-phone";

import { type ContactMetadata, describeContact } from "../../lib/describe-contact";

// Bowser's platform types; any other is shown as Bowser names it.
const DEVICES = new Set(["desktop", "mobile", "tablet", "tv", "bot"]);

export type ContactFactsContact = {
  name: string;
  email: string;
  createdAt: number;
  metadata: ContactMetadata;
  /** Where the conversation came in; WhatsApp and voice have a phone, not a browser. */
  channel?: Channel;
  /** E.164. */
  phone?: string | null;
};

/**
 * The visitor's name and what their browser session tells about them, in the operator's language;
 * for a WhatsApp customer or a caller, their phone instead of the browser they do not have.
 */
export function ContactFacts({ contact }: { contact: ContactFactsContact }) {
  const t = useTranslations("conversations.contact");
  const tPhone = useTranslations("phoneContact");
  const tChannel = useTranslations("channels");
  const format = useFormatter();
  // Re-rendered each minute so the session's age stays current.
  const now = useNow({ updateInterval: 60_000 });
  const facts = describeContact(contact.metadata);
  const byPhone = contact.channel !== undefined && contact.channel !== "chat";
  const phoneRows: Array<[string, string | null]> = [
    [tPhone("phone"), contact.phone ? formatPhone(contact.phone) : null],
    [tPhone("channel"), contact.channel ? tChannel(contact.channel) : null],
    ...(contact.email ? [[t("email"), contact.email] as [string, string]] : []),
    [tPhone("firstMessage"), format.relativeTime(contact.createdAt, now)],
  ];
  const browserRows: Array<[string, string | null]> = [
    [t("email"), contact.email],
    [t("browser"), facts.browser],
    [t("os"), facts.os],
    [
      t("device"),
      facts.device && (DEVICES.has(facts.device) ? t(`devices.${facts.device}`) : facts.device),
    ],
    [t("language"), facts.language],
    [t("timezone"), facts.timezone],
    [
      t("country"),
      facts.country ? `${facts.country.flag ?? ""} ${facts.country.code}`.trim() : null,
    ],
    [t("page"), facts.pageTitle ?? facts.currentUrl],
    [t("sessionStarted"), format.relativeTime(contact.createdAt, now)],
  ];
  const rows = byPhone ? phoneRows : browserRows;
  return (
    <>
      <h2 className="font-semibold">{contact.name}</h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            {/* Long emails, titles and addresses wrap anywhere rather than being cut off. */}
            <dd className="min-w-0 [overflow-wrap:anywhere]" title={value ?? undefined}>
              {value ?? t("unknown")}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
