import { randomFillSync } from "node:crypto";

const ID_BYTES = 8;
/** Random bytes are drawn in blocks: one call to the CSPRNG serves many ids. */
const pool = Buffer.alloc(ID_BYTES * 512);
let offset = pool.length;

/** A 16-hex-digit id, as Convex's request ids and this runtime's job and upload ids read. */
export function randomId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const id = pool.toString("hex", offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return id;
}
