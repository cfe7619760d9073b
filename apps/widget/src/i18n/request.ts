import { getRequestConfig } from "next-intl/server";
import { headers } from "next/headers";

import { matchLocale, pickLocale } from "./locales";
import { organizationLanguage } from "./organization-language";
import { LOCALE_HEADER, ORGANIZATION_HEADER } from "./request-headers";

// data-locale (the iframe URL's ?locale=), then the organization's default, then the browser.
export default getRequestConfig(async () => {
  const headerStore = await headers();
  const requested = matchLocale(headerStore.get(LOCALE_HEADER));
  const locale =
    requested ??
    pickLocale([
      await organizationLanguage(headerStore.get(ORGANIZATION_HEADER)),
      headerStore.get("accept-language")?.split(",")[0],
    ]);
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
