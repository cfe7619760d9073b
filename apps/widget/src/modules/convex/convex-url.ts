// Server side only: read from the environment of the process rendering the page.

/** The Convex deployment URL, read at request time so one build serves any deployment. */
export function convexUrl(): string {
  return (
    process.env.ECHO_CONVEX_URL ?? process.env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210"
  );
}

/**
 * Where the deployment serves HTTP actions: `ECHO_CONVEX_SITE_URL`, else Convex's own convention
 * (`*.convex.cloud` → `*.convex.site`; a self-hosted backend on port N serves them on N + 1).
 */
export function convexSiteUrl(): string {
  const configured = process.env.ECHO_CONVEX_SITE_URL ?? process.env.NEXT_PUBLIC_CONVEX_SITE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(convexUrl());
  if (url.hostname.endsWith(".convex.cloud")) {
    url.hostname = url.hostname.replace(/\.convex\.cloud$/, ".convex.site");
  } else if (url.port) {
    url.port = String(Number(url.port) + 1);
  }
  return url.origin;
}
