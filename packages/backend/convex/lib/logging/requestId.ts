import { v } from "convex/values";

/** What a client may hand in as its request id: a UUID or a similar short token. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The optional `requestId` argument of a public function a visitor action calls. */
export const vRequestId = v.optional(v.string());

/**
 * The caller's request id when it is well formed, otherwise a new one, so the lines of one action
 * still share an id (and a hostile value never reaches the logs).
 */
export function requestIdOf(given: string | undefined): string {
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
