import "server-only";

import { convexUrlFrom } from "./convex-url-from-env";

/** The Convex deployment URL, read at request time (ECHO_CONVEX_URL, else NEXT_PUBLIC_CONVEX_URL). */
export function convexUrl(): string {
  return convexUrlFrom(process.env);
}
