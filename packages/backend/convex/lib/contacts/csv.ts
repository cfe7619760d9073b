import Papa from "papaparse";

import type { Doc } from "../../_generated/dataModel";

const BASE_COLUMNS = [
  "name",
  "emails",
  "phones",
  "company",
  "stage",
  "tags",
  "channel",
  "language",
  "location",
  "firstSeenAt",
  "lastSeenAt",
] as const;

/** Contacts as CSV: one row each, lists joined by ";", custom fields as their own columns. */
export function contactsToCsv(contacts: Doc<"contacts">[], fieldKeys: string[]): string {
  const iso = (at: number) => new Date(at).toISOString();
  const rows = contacts.map((contact) => [
    contact.name,
    contact.emails.join(";"),
    contact.phones.join(";"),
    contact.company ?? "",
    contact.stage ?? "",
    contact.tags.join(";"),
    contact.channel,
    contact.language ?? "",
    contact.location ?? "",
    iso(contact.firstSeenAt),
    iso(contact.lastSeenAt),
    ...fieldKeys.map((key) => String(contact.customFields[key] ?? "")),
  ]);
  // Cells starting with = + - @ are escaped so a spreadsheet never runs them as formulas.
  return Papa.unparse(
    { fields: [...BASE_COLUMNS, ...fieldKeys], data: rows },
    { escapeFormulae: true },
  );
}
