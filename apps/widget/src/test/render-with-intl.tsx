import { render, type RenderResult } from "@testing-library/react";
import { createStore, Provider } from "jotai";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { intlAtom, shellTextAtom } from "@/i18n/intl-atoms";
import { shellText } from "@/i18n/shell-text";

import en from "../../messages/en.json";

export type Store = ReturnType<typeof createStore>;

/** The page's intl props as the server builds them, in English. */
export const englishIntl = { locale: "en", messages: en, timeZone: "UTC" } as const;
export const englishShellText = shellText("en", en, null);

/**
 * Renders (and re-renders) with the English messages and a jotai store the test can read and
 * write; the store holds what the page hydrates (locale, messages, the shell's words).
 */
export function renderWithIntl(
  ui: ReactNode,
  store: Store = createStore(),
): RenderResult & { store: Store } {
  if (!store.get(intlAtom)) store.set(intlAtom, englishIntl);
  if (!store.get(shellTextAtom)) store.set(shellTextAtom, englishShellText);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <Provider store={store}>{children}</Provider>
    </NextIntlClientProvider>
  );
  const result: RenderResult = render(ui, { wrapper });
  return Object.assign(result, { store });
}
