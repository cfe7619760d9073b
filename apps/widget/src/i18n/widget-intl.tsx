"use client";

import { useAtomValue } from "jotai";
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

import { intlAtom } from "./intl-atoms";

/** next-intl's provider with the page's locale and messages; wraps each lazily loaded part. */
export function WidgetIntl({ children }: { children: ReactNode }) {
  const intl = useAtomValue(intlAtom);
  if (!intl) throw new Error("WidgetIntl needs the page's locale and messages (intlAtom)");
  return (
    <NextIntlClientProvider locale={intl.locale} messages={intl.messages} timeZone={intl.timeZone}>
      {children}
    </NextIntlClientProvider>
  );
}
