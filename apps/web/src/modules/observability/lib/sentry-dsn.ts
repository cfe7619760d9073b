/**
 * The Sentry DSN to report to, or null when none is set (then nothing of Sentry is loaded).
 * A DSN that is set but malformed is refused with the reason, never silently ignored.
 */
export function parseSentryDsn(value: string | undefined): string | null {
  const dsn = value?.trim();
  if (!dsn) return null;
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    throw new Error(`The Sentry DSN is not a URL: "${dsn}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`The Sentry DSN must use http or https: "${dsn}"`);
  }
  if (!url.username) throw new Error(`The Sentry DSN has no public key before the host: "${dsn}"`);
  if (!/^\/(?:.+\/)?\d+$/.test(url.pathname)) {
    throw new Error(`The Sentry DSN does not end with a numeric project id: "${dsn}"`);
  }
  return dsn;
}
