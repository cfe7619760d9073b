import type { InitialState } from "@/modules/flow/server/load-initial-state";

import { type Locale, matchLocale, pickLocale } from "./locales";
import type { Messages } from "./message-catalog";

export type { Messages };

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

/** The locale's messages, compiled at build time (see next.config.ts). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}
