export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** The cookie the server reads to render the chosen theme from the first byte (no flash). */
export const THEME_COOKIE = "echo-theme";

/** The theme a cookie value names; anything else is the light theme. */
export function parseTheme(value: string | undefined): Theme {
  return value === "dark" ? "dark" : "light";
}

/** The cookie that keeps `theme` for a year on the whole dashboard. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}
