/** Sent when the allowed domains cannot be read: the widget fails closed rather than open. */
export const DENY_FRAMING = "frame-ancestors 'none'";

/**
 * The Content-Security-Policy value limiting which sites may frame the widget, from the
 * organization's allowed domains (`shop.example`, `*.example.com`, `localhost:3002`); null means
 * any site may (no domains set, or no such organization).
 */
export function frameAncestorsPolicy(
  allowedDomains: readonly string[] | null | undefined,
): string | null {
  const sources = (allowedDomains ?? []).filter((domain) =>
    /^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(domain),
  );
  if (sources.length === 0) return null;
  return `frame-ancestors 'self' ${sources.join(" ")}`;
}
