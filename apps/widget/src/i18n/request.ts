import type { InitialState } from "@/modules/flow/server/load-initial-state";

import { type Locale, matchLocale, pickLocale } from "./locales";

/** The iframe's ?locale= (data-locale), then the organization's default, then the browser. */
export function requestLocale(
  requested: string | null | undefined,
  initialState: InitialState,
  acceptLanguage: string | null | undefined,
): Locale {
  return (
    matchLocale(requested) ??
    pickLocale([initialState.settings?.defaultLanguage, acceptLanguage?.split(",")[0]])
  );
}

export type Messages = Record<string, unknown>;

/** The locale's messages, compiled at build time (see next.config.ts). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}
