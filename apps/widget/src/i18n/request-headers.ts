/** Headers the proxy copies from the iframe URL so the locale can be chosen per request. */
export const LOCALE_HEADER = "x-echo-widget-locale";
export const ORGANIZATION_HEADER = "x-echo-widget-organization";
