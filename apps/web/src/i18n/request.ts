import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";

import { resolveTimeZone, TIME_ZONE_COOKIE } from "@/modules/time-zone/lib/time-zone";

import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  const cookie = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return {
    locale,
    timeZone: resolveTimeZone(cookie, process.env.ECHO_TIME_ZONE),
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
