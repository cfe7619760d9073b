import { render, type RenderResult } from "@testing-library/react";
import { createStore, Provider } from "jotai";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import en from "../../messages/en.json";

export type Store = ReturnType<typeof createStore>;

/** Renders with the English messages and a fresh jotai store the test can read and write. */
export function renderWithIntl(ui: ReactNode, store: Store = createStore()): RenderResult & { store: Store } {
  const result = render(
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <Provider store={store}>{ui}</Provider>
    </NextIntlClientProvider>,
  );
  return { ...result, store };
}
