import { randomFillSync } from "node:crypto";
import { base32EncodedLength, decodeBase32, encodeBase32 } from "./base32.ts";
import { wallClock } from "../wall-clock.ts";

// Layout (as the Convex backend's id_v6): VInt(table number) ++ 16-byte internal id ++
// 2-byte little-endian footer = fletcher16(preceding bytes) ^ version.
const INTERNAL_ID_LENGTH = 16;
const FOOTER_LENGTH = 2;
const ID_VERSION = 0;
const MAX_TABLE_NUMBER = 0xffffffff;
const MIN_ID_LENGTH = base32EncodedLength(1 + INTERNAL_ID_LENGTH + FOOTER_LENGTH);
const MAX_ID_LENGTH = base32EncodedLength(5 + INTERNAL_ID_LENGTH + FOOTER_LENGTH);

/** A decoded document id. */
type DecodedDocumentId = { tableNumber: number; internalId: Uint8Array };

/** Encodes a document id string from a table number (1..2^32-1) and a 16-byte internal id. */
export function encodeDocumentId(tableNumber: number, internalId: Uint8Array): string {
  if (!Number.isInteger(tableNumber) || tableNumber < 1 || tableNumber > MAX_TABLE_NUMBER) {
    throw new Error(`Invalid table number ${tableNumber}`);
  }
  if (internalId.length !== INTERNAL_ID_LENGTH) {
    throw new Error(`Internal id must be ${INTERNAL_ID_LENGTH} bytes, got ${internalId.length}`);
  }
  const varint = encodeVarint(tableNumber);
  const bytes = new Uint8Array(varint.length + INTERNAL_ID_LENGTH + FOOTER_LENGTH);
  bytes.set(varint, 0);
  bytes.set(internalId, varint.length);
  const footer = fletcher16(bytes.subarray(0, varint.length + INTERNAL_ID_LENGTH)) ^ ID_VERSION;
  bytes[bytes.length - 2] = footer & 0xff;
  bytes[bytes.length - 1] = footer >> 8;
  return encodeBase32(bytes);
}

/** Decodes a document id string, or returns null when it is not a well-formed id. */
export function decodeDocumentId(id: string): DecodedDocumentId | null {
  if (typeof id !== "string" || id.length < MIN_ID_LENGTH || id.length > MAX_ID_LENGTH) return null;
  const bytes = decodeBase32(id);
  if (!bytes) return null;
  const varint = decodeVarint(bytes);
  if (!varint || varint.value === 0) return null;
  const footerAt = varint.length + INTERNAL_ID_LENGTH;
  if (bytes.length !== footerAt + FOOTER_LENGTH) return null;
  const footer = bytes[footerAt]! | (bytes[footerAt + 1]! << 8);
  if (footer !== (fletcher16(bytes.subarray(0, footerAt)) ^ ID_VERSION)) return null;
  return { tableNumber: varint.value, internalId: bytes.slice(varint.length, footerAt) };
}

/** Whether `id` is a well-formed document id (of any table). */
export function isDocumentId(id: string): boolean {
  return decodeDocumentId(id) !== null;
}

/** Leading bytes of an internal id that hold the time it was made: milliseconds, big-endian. */
const TIME_BYTES = 6;
const RANDOM_BYTES = INTERNAL_ID_LENGTH - TIME_BYTES;

/** Random bytes are drawn in blocks: one call to the CSPRNG serves many ids. */
const pool = new Uint8Array(RANDOM_BYTES * 256);
let poolOffset = pool.length;
/** Kept from going backwards with the wall clock, so ids made later never sort earlier. */
let lastMs = 0;

/**
 * A fresh 16-byte internal id: the time in milliseconds (6 bytes), then 10 random bytes. Ids made
 * later sort later, so a table's inserts append to its B-trees instead of each dirtying a page at
 * a random place; 80 random bits keep them unguessable.
 */
export function newInternalId(): Uint8Array {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const now = wallClock();
  if (now > lastMs) lastMs = now;
  const id = new Uint8Array(INTERNAL_ID_LENGTH);
  // 2^48 ms: the 6 bytes hold the time until the year 10889.
  let rest = lastMs;
  for (let i = TIME_BYTES - 1; i >= 0; i--) {
    id[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  id.set(pool.subarray(poolOffset, poolOffset + RANDOM_BYTES), TIME_BYTES);
  poolOffset += RANDOM_BYTES;
  return id;
}

function encodeVarint(n: number): Uint8Array {
  const out: number[] = [];
  let rest = n;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return Uint8Array.from(out);
}

function decodeVarint(bytes: Uint8Array): { value: number; length: number } | null {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[i];
    if (byte === undefined) return null;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (byte < 0x80) return value > MAX_TABLE_NUMBER ? null : { value, length: i + 1 };
  }
  return null;
}

/** Fletcher-16 with modulus 256 (wrapping byte sums), as the backend computes it. */
function fletcher16(bytes: Uint8Array): number {
  let c0 = 0;
  let c1 = 0;
  for (const byte of bytes) {
    c0 = (c0 + byte) & 0xff;
    c1 = (c1 + c0) & 0xff;
  }
  return (c1 << 8) | c0;
}
