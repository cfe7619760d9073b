const encoder = new TextEncoder();

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");

/** What a connection keeps of its API key: the webhook's key is checked against it. */
export async function hashApiKey(apiKey: string): Promise<string> {
  return hex(await sha256(apiKey));
}

/** Hashes the received key and compares the digests without an early exit. */
export async function apiKeyMatches(storedHash: string, received: string | undefined | null) {
  if (!received || storedHash.length !== 64) return false;
  const digest = await sha256(received);
  let difference = 0;
  for (let i = 0; i < digest.length; i++)
    difference |= digest[i]! ^ parseInt(storedHash.slice(i * 2, i * 2 + 2), 16);
  return difference === 0;
}
