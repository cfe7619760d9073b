import type { AppProps } from "next/app";
import { NextIntlClientProvider } from "next-intl";

import "@/styles/globals.css";

import type { WidgetPageProps } from "./index";

export default function WidgetRoot({ Component, pageProps }: AppProps<Partial<WidgetPageProps>>) {
  // Next's own 404 and error pages carry no messages.
  if (!pageProps.locale) return <Component {...pageProps} />;
  return (
    <NextIntlClientProvider
      locale={pageProps.locale}
      messages={pageProps.messages}
      timeZone={pageProps.timeZone}
    >
      <Component {...pageProps} />
    </NextIntlClientProvider>
  );
}
