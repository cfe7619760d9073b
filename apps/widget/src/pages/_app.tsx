import type { AppProps } from "next/app";

import "@/styles/globals.css";

// No providers here: the first load stays the framework plus the widget's shell. The shell's
// words come translated from the server, and next-intl's provider arrives with the parts that
// translate in the browser (flow/ui/views/translated-screens.tsx and live-widget.tsx).
export default function WidgetRoot({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
