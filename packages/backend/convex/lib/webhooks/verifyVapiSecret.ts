const encoder = new TextEncoder();

async function digest(text: string) {
  return new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(text)));
}

/** Compares Vapi's `x-vapi-secret` header with the stored secret without leaking timing. */
export async function verifyVapiSecret(
  expected: string,
  received: string | null,
): Promise<boolean> {
  if (!received) return false;
  const [a, b] = await Promise.all([digest(expected), digest(received)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
