/** A database timestamp on the wire: base64 of its 8-byte little-endian u64. */
export function encodeTs(ts: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(ts);
  return bytes.toString("base64");
}

export function decodeTs(value: string): bigint {
  const bytes = Buffer.from(value, "base64");
  if (bytes.length !== 8) throw new Error(`Invalid timestamp ${value}`);
  return bytes.readBigUInt64LE();
}
