import { fail } from "./errors";
import {
  CONTACT_METADATA_LIMITS,
  MAX_LANGUAGE_CHARS,
  MAX_LANGUAGES,
  MAX_OFFSET_MINUTES,
  type ContactMetadataText,
} from "./contactMetadataLimits";
import type { ContactMetadata } from "./validators";

/** Refuses metadata with any field out of bounds, naming the field. */
export function checkContactMetadata(metadata: ContactMetadata | undefined): void {
  if (!metadata) return;
  for (const [field, max] of Object.entries(CONTACT_METADATA_LIMITS)) {
    const value = metadata[field as ContactMetadataText];
    if (value !== undefined && value.length > max)
      fail("INVALID_INPUT", `Contact metadata ${field} is longer than ${max} characters`);
  }
  const { languages, timezoneOffset } = metadata;
  if (languages && languages.length > MAX_LANGUAGES)
    fail("INVALID_INPUT", `Contact metadata languages has more than ${MAX_LANGUAGES} entries`);
  if (languages?.some((language) => language.length > MAX_LANGUAGE_CHARS))
    fail(
      "INVALID_INPUT",
      `Contact metadata languages has an entry over ${MAX_LANGUAGE_CHARS} characters`,
    );
  if (
    timezoneOffset !== undefined &&
    !(Number.isFinite(timezoneOffset) && Math.abs(timezoneOffset) <= MAX_OFFSET_MINUTES)
  )
    fail("INVALID_INPUT", "Contact metadata timezoneOffset is out of range");
}
