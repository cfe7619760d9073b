import type { AppProps } from "next/app";

import "@/styles/globals.css";

// No providers here: the first load stays the framework plus the widget's shell. The shell's
// words come translated from the server, and next-intl's provider arrives with the screens that
// translate in the browser (see i18n/lazy-with-intl.tsx).
export default function WidgetRoot({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
