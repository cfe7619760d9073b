"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { ContactView } from "@echo/backend/convex/lib/contacts/view";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { formatPhone } from "../../lib/format-phone";

/**
 * A contact's emails, phones, company and custom fields (under their admin-given labels), for the
 * conversation view's contact panel; empty ones are left out.
 */
export function ContactFieldList({ contact }: { contact: ContactView }) {
  const t = useTranslations("contacts.profile");
  const tValues = useTranslations("contactFieldValues");
  const definitions = useQuery(api.private.contactFields.list, {});
  const labelOf = (key: string) =>
    definitions?.fields.find((field) => field.key === key)?.label ?? key;
  const shown = (value: string | number | boolean) =>
    typeof value === "boolean" ? tValues(value ? "yes" : "no") : String(value);
  const rows: Array<[string, string]> = [
    [t("emails"), contact.emails.join(", ")],
    [t("phones"), contact.phones.map(formatPhone).join(", ")],
    [t("company"), contact.company ?? ""],
    ...Object.entries(contact.customFields).map(([key, value]): [string, string] => [
      labelOf(key),
      shown(value),
    ]),
  ];
  const filled = rows.filter(([, value]) => value !== "");
  if (filled.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
      {filled.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
