import type { SealedSecret } from "./validators";

/**
 * AES-256-GCM envelope encryption with Web Crypto, so it runs in Convex's default runtime and in
 * Node: a fresh data key per secret encrypts the value, the master key wraps the data key, and both
 * are bound to the organization and secret name so an envelope cannot be moved to another tenant.
 */

const IV_BYTES = 12;
const KEY_BYTES = 32;

export type SecretAddress = { organizationId: string; name: string };

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function additionalData({ organizationId, name }: SecretAddress) {
  return encoder.encode(`echo-secret\u0000${organizationId}\u0000${name}`);
}

export type MasterKey = { keyId: string; key: CryptoKey };

/** Reads a master key given as base64 of 32 bytes (ECHO_SECRETS_KEY); its id is a fingerprint. */
export async function importMasterKey(encoded: string | undefined, label = "ECHO_SECRETS_KEY") {
  if (!encoded) throw new SecretKeyError(`${label} is not set: expected base64 of 32 random bytes`);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(encoded.trim());
  } catch {
    throw new SecretKeyError(`${label} is not valid base64`);
  }
  if (raw.length !== KEY_BYTES)
    throw new SecretKeyError(`${label} must decode to 32 bytes, got ${raw.length}`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", raw));
  const keyId = Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
  const key = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["encrypt", "decrypt"]);
  return { keyId, key } satisfies MasterKey;
}

async function encrypt(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, aad: Uint8Array) {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: aad as Uint8Array<ArrayBuffer> },
    key,
    plaintext,
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(sealed)) };
}

async function decrypt(key: CryptoKey, iv: string, data: string, aad: Uint8Array, what: string) {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: fromBase64(iv), additionalData: aad as Uint8Array<ArrayBuffer> },
        key,
        fromBase64(data),
      ),
    );
  } catch {
    throw new SecretKeyError(`Cannot decrypt the ${what}: wrong key or tampered data`);
  }
}

export async function sealSecret(
  master: MasterKey,
  address: SecretAddress,
  value: string,
): Promise<SealedSecret> {
  const aad = additionalData(address);
  const dataKeyBytes = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  const dataKey = await crypto.subtle.importKey("raw", dataKeyBytes, "AES-GCM", false, ["encrypt"]);
  const wrapped = await encrypt(master.key, dataKeyBytes, aad);
  const encryptedValue = await encrypt(dataKey, encoder.encode(value), aad);
  return {
    keyId: master.keyId,
    wrapIv: wrapped.iv,
    wrappedKey: wrapped.data,
    iv: encryptedValue.iv,
    ciphertext: encryptedValue.data,
  };
}

async function unwrapDataKey(master: MasterKey, address: SecretAddress, sealed: SealedSecret) {
  if (sealed.keyId !== master.keyId)
    throw new SecretKeyError(
      `Secret was sealed under master key ${sealed.keyId}, not the configured ${master.keyId}`,
    );
  return await decrypt(
    master.key,
    sealed.wrapIv,
    sealed.wrappedKey,
    additionalData(address),
    "data key",
  );
}

export async function openSecret(
  master: MasterKey,
  address: SecretAddress,
  sealed: SealedSecret,
): Promise<string> {
  const raw = await unwrapDataKey(master, address, sealed);
  const dataKey = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, ["decrypt"]);
  const plaintext = await decrypt(
    dataKey,
    sealed.iv,
    sealed.ciphertext,
    additionalData(address),
    "secret",
  );
  return new TextDecoder().decode(plaintext);
}

/** Re-wraps the data key under a new master key; the value's ciphertext is untouched. */
export async function rewrapSecret(
  from: MasterKey,
  to: MasterKey,
  address: SecretAddress,
  sealed: SealedSecret,
): Promise<SealedSecret> {
  const raw = await unwrapDataKey(from, address, sealed);
  const wrapped = await encrypt(to.key, raw, additionalData(address));
  return { ...sealed, keyId: to.keyId, wrapIv: wrapped.iv, wrappedKey: wrapped.data };
}
