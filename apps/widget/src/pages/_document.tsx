import { type DocumentProps, Head, Html, Main, NextScript } from "next/document";

import { storedSessionProbeScript } from "@/modules/session/lib/stored-session-probe";

import type { WidgetPageProps } from "./index";

export default function WidgetDocument({ __NEXT_DATA__ }: DocumentProps) {
  const page = (__NEXT_DATA__.props as { pageProps?: Partial<WidgetPageProps> }).pageProps;
  const organization = page?.initialState?.organization;
  const name = organization?.valid ? organization.name : null;
  return (
    <Html lang={page?.locale ?? "en"}>
      <Head>
        {/* The widget is one page whose title is known on the server, so the document sets it and
            the first load carries no head manager. */}
        {/* eslint-disable-next-line @next/next/no-title-in-document-head */}
        <title>{name ? `${name} · Echo` : "Echo widget"}</title>
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
