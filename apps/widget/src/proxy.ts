import { type NextRequest, NextResponse } from "next/server";

import { LOCALE_HEADER, ORGANIZATION_HEADER } from "./i18n/request-headers";

/**
 * Copies ?locale and ?organizationId into request headers for next-intl's request config, and
 * limits who may frame the widget when ECHO_WIDGET_FRAME_ANCESTORS is set.
 */
export default function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.delete(LOCALE_HEADER);
  headers.delete(ORGANIZATION_HEADER);
  const { searchParams } = request.nextUrl;
  const locale = searchParams.get("locale");
  const organizationId = searchParams.get("organizationId");
  if (locale) headers.set(LOCALE_HEADER, locale);
  if (organizationId) headers.set(ORGANIZATION_HEADER, organizationId);
  const response = NextResponse.next({ request: { headers } });
  const ancestors = process.env.ECHO_WIDGET_FRAME_ANCESTORS;
  if (ancestors) response.headers.set("Content-Security-Policy", `frame-ancestors ${ancestors}`);
  return response;
}

export const config = {
  matcher: "/((?!_next|.*\\..*).*)",
};
