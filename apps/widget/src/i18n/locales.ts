export const locales = ["en", "pt-BR"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** The supported locale a tag stands for (exact, else same language), or null. */
export function matchLocale(candidate: string | null | undefined): Locale | null {
  if (!candidate) return null;
  const exact = locales.find((locale) => locale.toLowerCase() === candidate.toLowerCase());
  if (exact) return exact;
  const language = candidate.toLowerCase().split("-")[0];
  return locales.find((locale) => locale.toLowerCase().split("-")[0] === language) ?? null;
}

/** Picks the first supported locale from a list of candidates (data-locale, org default, browser). */
export function pickLocale(candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return defaultLocale;
}
