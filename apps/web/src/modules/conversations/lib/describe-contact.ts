import Bowser from "bowser";

export type ContactMetadata = {
  userAgent?: string;
  languages?: string[];
  timezone?: string;
  timezoneOffset?: number;
  screenResolution?: string;
  viewportSize?: string;
  referrer?: string;
  currentUrl?: string;
  pageTitle?: string;
  country?: string;
};

/** The flag emoji of an ISO 3166-1 alpha-2 country code, or null for anything else. */
export function countryFlag(code: string | undefined): string | null {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return null;
  return String.fromCodePoint(
    ...[...code.toUpperCase()].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65),
  );
}

/** Human-readable facts about a visitor's browser session for the contact panel. */
export function describeContact(metadata: ContactMetadata) {
  const parsed = metadata.userAgent ? Bowser.parse(metadata.userAgent) : null;
  const join = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(" ") || null;
  const offset = metadata.timezoneOffset;
  const utcOffset =
    offset === undefined
      ? null
      : `UTC${offset <= 0 ? "+" : "-"}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0")}:${String(Math.abs(offset) % 60).padStart(2, "0")}`;
  return {
    browser: parsed ? join(parsed.browser.name, parsed.browser.version?.split(".")[0]) : null,
    os: parsed ? join(parsed.os.name, parsed.os.versionName ?? parsed.os.version) : null,
    device: parsed?.platform.type ?? null,
    language: metadata.languages?.[0] ?? null,
    timezone: metadata.timezone
      ? join(metadata.timezone, utcOffset ? `(${utcOffset})` : undefined)
      : null,
    country: metadata.country
      ? { code: metadata.country.toUpperCase(), flag: countryFlag(metadata.country) }
      : null,
    currentUrl: metadata.currentUrl ?? null,
    pageTitle: metadata.pageTitle ?? null,
  };
}
