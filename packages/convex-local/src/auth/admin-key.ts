import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const KEY_VERSION = "01";
const NONCE_BYTES = 16;
const TAG_BYTES = 32;
const OPAQUE_LENGTH = KEY_VERSION.length + 2 * (NONCE_BYTES + TAG_BYTES);

/**
 * Issues an admin key `"<instanceName>|<opaque>"`. The opaque part is a random
 * nonce with an HMAC-SHA256 tag over the instance name, keyed from the
 * 32-byte hex instance secret, so only holders of the secret can mint keys.
 */
export function generateAdminKey(instanceName: string, instanceSecret: string): string {
  const nonce = randomBytes(NONCE_BYTES);
  return `${instanceName}|${KEY_VERSION}${nonce.toString("hex")}${tag(instanceName, instanceSecret, nonce).toString("hex")}`;
}

/**
 * Whether `key` is an admin key for this instance. Accepts the deployment-type
 * prefixes the backend strips (`prod:name|key`, `preview:…|key`, `project:…|key`)
 * and compares the tag in constant time.
 */
export function checkAdminKey(key: string, instanceName: string, instanceSecret: string): boolean {
  if (typeof key !== "string") return false;
  const bar = key.lastIndexOf("|");
  let opaque = key;
  if (bar >= 0) {
    const named = key.slice(0, bar);
    opaque = key.slice(bar + 1);
    const colon = named.indexOf(":");
    const kind = colon >= 0 ? named.slice(0, colon) : null;
    // `preview:` and `project:` keys carry no instance name; the tag still binds it.
    if (kind !== "preview" && kind !== "project") {
      const name = kind === null ? named : named.slice(colon + 1);
      if (name !== instanceName) return false;
    }
  }
  if (
    opaque.length !== OPAQUE_LENGTH ||
    !opaque.startsWith(KEY_VERSION) ||
    !/^[0-9a-f]+$/.test(opaque)
  )
    return false;
  const nonce = Buffer.from(
    opaque.slice(KEY_VERSION.length, KEY_VERSION.length + 2 * NONCE_BYTES),
    "hex",
  );
  const given = Buffer.from(opaque.slice(KEY_VERSION.length + 2 * NONCE_BYTES), "hex");
  return timingSafeEqual(given, tag(instanceName, instanceSecret, nonce));
}

function tag(instanceName: string, instanceSecret: string, nonce: Buffer): Buffer {
  return createHmac("sha256", secretBytes(instanceSecret))
    .update("convex-local admin key\0")
    .update(instanceName)
    .update("\0")
    .update(nonce)
    .digest()
    .subarray(0, TAG_BYTES);
}

function secretBytes(instanceSecret: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(instanceSecret)) {
    throw new Error("Instance secret must be 32 bytes written as 64 hex characters");
  }
  return Buffer.from(instanceSecret, "hex");
}
