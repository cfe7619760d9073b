"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { ContactView } from "@echo/backend/convex/lib/contacts/view";
import { Badge } from "@echo/ui/components/badge";
import { useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";

import { useStageLabel } from "../../hooks/use-stage-label";
import { formatPhone } from "../../lib/format-phone";

/** What the organization knows about the contact, read-only. */
export function ContactProfile({ contact }: { contact: ContactView }) {
  const t = useTranslations("contacts.profile");
  const tChannel = useTranslations("contacts.channels");
  const tValues = useTranslations("contactFieldValues");
  const definitions = useQuery(api.private.contactFields.list, {});
  const labelOf = (key: string) =>
    definitions?.fields.find((field) => field.key === key)?.label ?? key;
  const format = useFormatter();
  const stageLabel = useStageLabel();
  const day = (at: number) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  const rows: Array<[string, string | null]> = [
    [t("emails"), contact.emails.join(", ") || null],
    [t("phones"), contact.phones.map(formatPhone).join(", ") || null],
    [t("company"), contact.company ?? null],
    [t("stage"), contact.stage ? stageLabel(contact.stage) : null],
    [t("channel"), tChannel(contact.channel)],
    [t("language"), contact.language ?? null],
    [t("location"), contact.location ?? null],
    [t("firstSeen"), day(contact.firstSeenAt)],
    [t("lastSeen"), day(contact.lastSeenAt)],
    ...Object.entries(contact.customFields).map(([key, value]): [string, string] => [
      labelOf(key),
      typeof value === "boolean" ? tValues(value ? "yes" : "no") : String(value),
    ]),
  ];
  return (
    <section aria-label={t("title")} className="grid gap-3 text-sm">
      {contact.tags.length > 0 ? (
        <div className="flex flex-wrap gap-1" aria-label={t("tags")}>
          {contact.tags.map((tag) => (
            <Badge key={tag} variant="secondary">
              {tag}
            </Badge>
          ))}
        </div>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{value ?? t("unknown")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
