import { Toaster } from "@echo/ui/components/toaster";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";

import { routing } from "@/i18n/routing";
import { IdentityProvider } from "@/modules/auth/ui/components/identity-provider";
import { themeFromCookies } from "@/modules/theme/lib/theme-from-cookies";
import { TimeZoneSync } from "@/modules/time-zone/ui/components/time-zone-sync";

import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "app" });
  return { title: t("title") };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Rendered per request, so Next.js can put this response's CSP nonce on its scripts.
  await connection();
  const theme = await themeFromCookies();
  const tToasts = await getTranslations({ locale, namespace: "toasts" });
  return (
    <html lang={locale} className={theme === "dark" ? "dark" : undefined}>
      <body className="min-h-dvh antialiased">
        <IdentityProvider locale={locale}>
          <NextIntlClientProvider>
            <TimeZoneSync />
            {children}
            <Toaster label={tToasts("region")} />
          </NextIntlClientProvider>
        </IdentityProvider>
      </body>
    </html>
  );
}
