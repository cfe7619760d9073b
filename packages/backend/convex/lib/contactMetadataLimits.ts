import type { ContactMetadata } from "./validators";

// No runtime imports: the widget clips what it sends to these same limits.

export type ContactMetadataText = Exclude<keyof ContactMetadata, "languages" | "timezoneOffset">;

/** Longest value stored per field: room for real browsers and pages, not for a payload. */
export const CONTACT_METADATA_LIMITS: Record<ContactMetadataText, number> = {
  userAgent: 512,
  timezone: 64,
  platform: 64,
  screenResolution: 32,
  viewportSize: 32,
  referrer: 2048,
  currentUrl: 2048,
  pageTitle: 300,
  country: 8,
};
export const MAX_LANGUAGES = 20;
/** BCP 47 tags in practice stay far below this. */
export const MAX_LANGUAGE_CHARS = 35;
/** UTC offsets span -14 h to +12 h; a day either way is generous. */
export const MAX_OFFSET_MINUTES = 24 * 60;
