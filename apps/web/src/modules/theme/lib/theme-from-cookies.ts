import { cookies } from "next/headers";

import { parseTheme, THEME_COOKIE } from "./theme";

/** The theme the operator chose on this browser, as the request's cookie says. */
export async function themeFromCookies() {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}
