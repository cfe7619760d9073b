import { verifyVapiSecret } from "../webhooks/verifyVapiSecret";

/** The name of an organization's identity-verification secret in the secrets store. */
export const IDENTITY_SECRET_NAME = "identity-verification";

const MAX_USER_ID = 200;

export type SignedIdentity = { userId: string; email?: string; name?: string; hash: string };

const toHex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/** A new identity secret: 32 random bytes in hex. */
export function newIdentitySecret(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(32)).buffer);
}

/** HMAC-SHA256 of the user id under the organization's secret, in hex (what the host page signs). */
export async function signUserId(secret: string, userId: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toHex(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(userId)));
}

/** The host page's signature checked without leaking timing (the comparison Vapi's secret uses). */
export async function verifyIdentity(secret: string, identity: SignedIdentity): Promise<boolean> {
  const expected = await signUserId(secret, identity.userId);
  return await verifyVapiSecret(expected, identity.hash.toLowerCase());
}

/** The identity a request body carries, if it has the shape of one; anything else is ignored. */
export function identityFrom(body: Record<string, unknown>): SignedIdentity | null {
  const identity = body.identity as Record<string, unknown> | null | undefined;
  if (typeof identity !== "object" || identity === null) return null;
  const { userId, email, name, hash } = identity;
  if (typeof userId !== "string" || !userId.trim() || userId.length > MAX_USER_ID) return null;
  if (typeof hash !== "string" || !/^[0-9a-fA-F]{64}$/.test(hash)) return null;
  return {
    userId,
    hash,
    ...(typeof email === "string" && email ? { email } : {}),
    ...(typeof name === "string" && name ? { name } : {}),
  };
}
