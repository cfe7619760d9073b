import { render, type RenderResult } from "@testing-library/react";
import { createStore, Provider } from "jotai";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import en from "../../messages/en.json";

export type Store = ReturnType<typeof createStore>;

/** Renders (and re-renders) with the English messages and a jotai store the test can read and write. */
export function renderWithIntl(
  ui: ReactNode,
  store: Store = createStore(),
): RenderResult & { store: Store } {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
      <Provider store={store}>{children}</Provider>
    </NextIntlClientProvider>
  );
  const result: RenderResult = render(ui, { wrapper });
  return Object.assign(result, { store });
}
