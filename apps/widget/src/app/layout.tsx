import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";

import { storedSessionProbeScript } from "@/modules/session/lib/stored-session-probe";

import "./globals.css";

export const metadata = { title: "Echo widget" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    // The probe script may mark <html> before hydration; that attribute is expected.
    <html lang={locale} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: storedSessionProbeScript() }} />
      </head>
      <body className="h-dvh overflow-hidden antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
