"use client";

import { Avatar } from "@echo/ui/components/avatar";
import { Badge } from "@echo/ui/components/badge";
import { EmptyState } from "@echo/ui/components/empty-state";
import type { ContactView } from "@echo/backend/convex/lib/contacts/view";
import { ContactRoundIcon } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

import { useStageLabel } from "../../hooks/use-stage-label";
import { formatPhone } from "../../lib/format-phone";

/** Contacts as rows on wide screens; each name links to the contact's page. */
export function ContactTable({ contacts }: { contacts: ContactView[] }) {
  const t = useTranslations("contacts");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const stageLabel = useStageLabel();
  if (contacts.length === 0)
    return <EmptyState className="rounded-lg border" icon={ContactRoundIcon} title={t("empty")} />;
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full text-sm">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th className="px-3 py-2 font-medium">{t("columns.name")}</th>
            <th className="hidden px-3 py-2 font-medium md:table-cell">{t("columns.email")}</th>
            <th className="hidden px-3 py-2 font-medium lg:table-cell">{t("columns.phone")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.stage")}</th>
            <th className="hidden px-3 py-2 font-medium md:table-cell">{t("columns.channel")}</th>
            <th className="px-3 py-2 font-medium">{t("columns.lastSeen")}</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact._id} className="border-t">
              <td className="px-3 py-2">
                <span className="flex items-center gap-2">
                  <Avatar size="sm" name={contact.name} colorKey={contact._id} />
                  <Link href={`/contacts/${contact._id}`} className="font-medium hover:underline">
                    {contact.name}
                  </Link>
                </span>
                {contact.tags.length > 0 ? (
                  <div className="mt-1 flex flex-wrap gap-1">
                    {contact.tags.map((tag) => (
                      <Badge key={tag} variant="secondary">
                        {tag}
                      </Badge>
                    ))}
                  </div>
                ) : null}
              </td>
              <td className="hidden px-3 py-2 [overflow-wrap:anywhere] md:table-cell">
                {contact.emails[0] ?? "—"}
              </td>
              <td className="hidden px-3 py-2 lg:table-cell">
                {contact.phones[0] ? formatPhone(contact.phones[0]) : "—"}
              </td>
              <td className="px-3 py-2">{contact.stage ? stageLabel(contact.stage) : "—"}</td>
              <td className="hidden px-3 py-2 md:table-cell">{t(`channels.${contact.channel}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {format.relativeTime(contact.lastSeenAt, now)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
