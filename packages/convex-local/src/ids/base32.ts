/** Convex's base32 alphabet: Crockford-style lowercase, no i, l, o, u. */
const BASE32_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/** Each character code's value in the alphabet, or -1: a typed-array read per character. */
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE32_ALPHABET.length; i++) DECODE[BASE32_ALPHABET.charCodeAt(i)] = i;

/** Number of base32 characters for `byteLength` bytes (no padding). */
export function base32EncodedLength(byteLength: number): number {
  return Math.ceil((byteLength * 8) / 5);
}

/** Encodes bytes big-endian, 5 bits per character, without padding. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * Decodes {@link encodeBase32} output; returns null for characters outside the
 * alphabet or leftover bits that a real encoding would have left zero.
 */
export function decodeBase32(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let pos = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? DECODE[code]! : -1;
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[pos++] = (buffer >> bits) & 0xff;
    }
  }
  if (bits >= 5 || (buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}
