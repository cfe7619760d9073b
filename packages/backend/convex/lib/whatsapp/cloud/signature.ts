const encoder = new TextEncoder();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

function fromHex(hex: string): Uint8Array | null {
  if (!/^[0-9a-f]*$/i.test(hex) || hex.length % 2) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/** HMAC-SHA256 of the raw body under the app secret, as Meta signs it, in hex. */
export async function signCloudBody(appSecret: string, rawBody: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(appSecret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(rawBody)));
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** `X-Hub-Signature-256: sha256=<hex>` checked against the body without an early exit. */
export async function cloudSignatureMatches(
  appSecret: string,
  rawBody: string,
  header: string | null,
): Promise<boolean> {
  const received = header?.startsWith("sha256=") ? fromHex(header.slice(7)) : null;
  if (!received) return false;
  return sameBytes(fromHex(await signCloudBody(appSecret, rawBody))!, received);
}
