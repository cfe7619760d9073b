import "server-only";

/** The Convex deployment URL, read at request time so one build serves any deployment. */
export function convexUrl(): string {
  return (
    process.env.ECHO_CONVEX_URL ?? process.env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210"
  );
}
