"use client";

import { useLocale, useTranslations } from "next-intl";

import { usePathname, useRouter } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

export function LanguageSwitcher() {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  return (
    <select
      aria-label={t("language")}
      className="w-full rounded-md border bg-background px-2 py-1 text-sm"
      value={locale}
      onChange={(event) => router.replace(pathname, { locale: event.target.value })}
    >
      {routing.locales.map((option) => (
        <option key={option} value={option}>
          {t(`languages.${option}`)}
        </option>
      ))}
    </select>
  );
}
