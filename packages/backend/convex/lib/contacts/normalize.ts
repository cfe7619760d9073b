import { parsePhoneNumberFromString } from "libphonenumber-js";

import type { Doc } from "../../_generated/dataModel";
import { fail, type FieldExpectation } from "../errors";
import type { ContactFieldValue } from "./validators";

const MAX_TEXT = 200;
const MAX_EMAIL = 254;
const MAX_TAG = 40;
const MAX_LIST = 20;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > MAX_EMAIL || !EMAIL.test(email))
    fail("INVALID_EMAIL", `"${raw}" is not an email address`);
  return email;
}

/** E.164; a number without a country code is refused rather than guessed. */
export function normalizePhone(raw: string): string {
  const phone = parsePhoneNumberFromString(raw.trim());
  if (!phone?.isValid())
    fail("INVALID_PHONE", `"${raw}" is not a phone number with a country code`);
  return phone.number;
}

export function normalizeText(raw: string | undefined, max = MAX_TEXT): string | undefined {
  const text = raw?.trim().slice(0, max);
  return text ? text : undefined;
}

function unique(values: string[], label: string): string[] {
  const list = [...new Set(values)];
  if (list.length > MAX_LIST) fail("INVALID_INPUT", `At most ${MAX_LIST} ${label}`);
  return list;
}

export const normalizeEmails = (raw: string[]) => unique(raw.map(normalizeEmail), "emails");
export const normalizePhones = (raw: string[]) => unique(raw.map(normalizePhone), "phones");

export function normalizeTags(raw: string[]): string[] {
  const tags = raw.map((tag) => tag.trim().toLowerCase().slice(0, MAX_TAG)).filter(Boolean);
  return unique(tags, "tags");
}

type FieldDefinition = Pick<Doc<"contactFields">, "key" | "type" | "options">;

function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A custom field's value checked against its definition; the reason names the field. */
export function checkFieldValue(
  definition: FieldDefinition | undefined,
  key: string,
  value: ContactFieldValue,
): ContactFieldValue {
  if (!definition)
    fail("INVALID_FIELD_VALUE", `No custom field "${key}"`, { field: key, expected: "defined" });
  const wrong = (what: string, expected: FieldExpectation): never =>
    fail("INVALID_FIELD_VALUE", `"${key}" takes ${what}`, { field: key, expected });
  switch (definition.type) {
    case "text":
      if (typeof value !== "string") wrong("text", "text");
      return (value as string).trim().slice(0, MAX_TEXT * 5);
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) wrong("a number", "number");
      return value;
    case "boolean":
      if (typeof value !== "boolean") wrong("yes or no", "boolean");
      return value;
    case "date":
      if (typeof value !== "string" || !isIsoDay(value)) wrong("a date (YYYY-MM-DD)", "date");
      return value;
    case "select":
      if (typeof value !== "string" || !definition.options?.includes(value))
        wrong(`one of: ${(definition.options ?? []).join(", ")}`, "option");
      return value;
  }
}

/** Only defined fields, each of its type. */
export function checkCustomFields(
  definitions: FieldDefinition[],
  values: Record<string, ContactFieldValue>,
): Record<string, ContactFieldValue> {
  const byKey = new Map(definitions.map((definition) => [definition.key, definition]));
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      checkFieldValue(byKey.get(key), key, value),
    ]),
  );
}

export function searchTextOf(contact: Pick<Doc<"contacts">, "name" | "emails" | "phones">) {
  return [contact.name, ...contact.emails, ...contact.phones].join(" ");
}
