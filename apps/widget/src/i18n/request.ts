import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";

import { pickLocale } from "./locales";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale([
    cookieStore.get("echo-widget-locale")?.value,
    headerStore.get("accept-language")?.split(",")[0],
  ]);
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
