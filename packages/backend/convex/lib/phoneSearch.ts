import { parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * The words a conversation is found by its phone with: every digit with the country code and
 * without it (the national number), since the inbox search matches words by their start.
 */
export function phoneSearchWords(phone: string | undefined): string[] {
  if (!phone) return [];
  const parsed = parsePhoneNumberFromString(phone);
  const international = phone.replace(/\D/g, "");
  return parsed ? [international, String(parsed.nationalNumber)] : [international];
}

const PHONE_LIKE = /^\+?[\d\s().-]+$/;

/** A search that reads as a phone number ("+55 11 98765-4321", "(11) 98765-4321") is its digits. */
export function normalizeInboxSearch(search: string): string {
  const trimmed = search.trim();
  const digits = trimmed.replace(/\D/g, "");
  return PHONE_LIKE.test(trimmed) && digits.length >= 4 ? digits : trimmed;
}
