/** The Convex deployment URL in `env` (ECHO_CONVEX_URL, else NEXT_PUBLIC_CONVEX_URL). */
export function convexUrlFrom(env: Record<string, string | undefined>): string {
  return env.ECHO_CONVEX_URL ?? env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210";
}

/**
 * Where the deployment serves HTTP actions (attachment downloads among them): ECHO_CONVEX_SITE_URL,
 * else Convex's convention (`*.convex.cloud` → `*.convex.site`; self-hosted port N → N + 1).
 */
export function convexSiteUrlFrom(env: Record<string, string | undefined>): string {
  const configured = env.ECHO_CONVEX_SITE_URL ?? env.NEXT_PUBLIC_CONVEX_SITE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const url = new URL(convexUrlFrom(env));
  if (url.hostname.endsWith(".convex.cloud"))
    url.hostname = url.hostname.replace(/\.convex\.cloud$/, ".convex.site");
  else if (url.port) url.port = String(Number(url.port) + 1);
  return url.origin;
}
