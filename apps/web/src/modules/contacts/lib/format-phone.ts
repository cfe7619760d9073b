import { parsePhoneNumberFromString } from "libphonenumber-js";

/** An E.164 number as people write it internationally ("+55 11 98765-4321"); as given otherwise. */
export function formatPhone(phone: string): string {
  return parsePhoneNumberFromString(phone)?.formatInternational() ?? phone;
}
