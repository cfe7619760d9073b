import "server-only";

import { headers } from "next/headers";

import { getIdentity } from "./auth-server";

/** The signed-in operator's session for the current request, or null. */
export async function getCurrentSession() {
  const auth = await getIdentity();
  return auth.api.getSession({ headers: await headers() });
}
