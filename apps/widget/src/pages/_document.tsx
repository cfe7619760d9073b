import { type DocumentProps, Head, Html, Main, NextScript } from "next/document";

import { storedSessionProbeScript } from "@/modules/session/lib/stored-session-probe";

export default function WidgetDocument({ __NEXT_DATA__ }: DocumentProps) {
  const locale = (__NEXT_DATA__.props as { pageProps?: { locale?: string } }).pageProps?.locale;
  return (
    <Html lang={locale ?? "en"}>
      <Head>
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <script dangerouslySetInnerHTML={{ __html: storedSessionProbeScript() }} />
      </Head>
      <body className="h-dvh overflow-hidden antialiased">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
