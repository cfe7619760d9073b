/** The Convex deployment URL in `env` (ECHO_CONVEX_URL, else NEXT_PUBLIC_CONVEX_URL). */
export function convexUrlFrom(env: Record<string, string | undefined>): string {
  return env.ECHO_CONVEX_URL ?? env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210";
}
