const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Whether an operator must confirm their e-mail address before signing in or accepting an
 * invitation: ECHO_REQUIRE_EMAIL_VERIFICATION=true|false when set; otherwise required wherever
 * the dashboard is served to other machines (its URL, ECHO_WEB_URL, is not a loopback address),
 * and optional in local mode, where the link is only logged.
 */
export function emailVerificationRequired(
  env: Record<string, string | undefined> = process.env,
): boolean {
  const setting = env.ECHO_REQUIRE_EMAIL_VERIFICATION?.trim().toLowerCase();
  if (setting === "true") return true;
  if (setting === "false") return false;
  let host: string;
  try {
    host = new URL(env.ECHO_WEB_URL ?? "http://localhost:3000").hostname;
  } catch {
    return true;
  }
  return !(LOOPBACK_HOSTS.has(host) || host.endsWith(".localhost"));
}
