import { createHash } from "node:crypto";
import { type VectorIndexDefinition } from "./vector-index.ts";

/**
 * A vector index saved beside the SQLite file: its definition, the table's last write it reflects,
 * and each document's id, filter keys and normalized vector.
 * Layout: MAGIC, u32 length of the JSON head, head, float32 vectors (little-endian), sha256 of all before.
 */
export type VectorSnapshot = {
  definition: VectorIndexDefinition;
  /** The table's last write (commit ts) when it was saved, null when none was recorded. */
  lastWrite: string | null;
  entries: Array<{ id: string; keys: string[]; vector: Float32Array }>;
};

const MAGIC = Buffer.from("ECHOVEC1");
const DIGEST_BYTES = 32;

export function encodeSnapshot(snapshot: VectorSnapshot): Buffer {
  const { definition, lastWrite, entries } = snapshot;
  const head = Buffer.from(
    JSON.stringify({
      definition,
      lastWrite,
      ids: entries.map((e) => e.id),
      keys: entries.map((e) => e.keys),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  const vectors = Buffer.alloc(entries.length * definition.dimensions * 4);
  entries.forEach((entry, i) => {
    for (let d = 0; d < definition.dimensions; d++)
      vectors.writeFloatLE(entry.vector[d]!, (i * definition.dimensions + d) * 4);
  });
  const body = Buffer.concat([MAGIC, length, head, vectors]);
  return Buffer.concat([body, createHash("sha256").update(body).digest()]);
}

/** The snapshot in `bytes`, or null when they are torn, altered or not a snapshot. */
export function decodeSnapshot(bytes: Buffer): VectorSnapshot | null {
  if (bytes.length < MAGIC.length + 4 + DIGEST_BYTES) return null;
  const body = bytes.subarray(0, bytes.length - DIGEST_BYTES);
  const digest = createHash("sha256").update(body).digest();
  if (!digest.equals(bytes.subarray(bytes.length - DIGEST_BYTES))) return null;
  if (!body.subarray(0, MAGIC.length).equals(MAGIC)) return null;
  const headLength = body.readUInt32LE(MAGIC.length);
  const headStart = MAGIC.length + 4;
  const head = JSON.parse(body.subarray(headStart, headStart + headLength).toString()) as {
    definition: VectorIndexDefinition;
    lastWrite: string | null;
    ids: string[];
    keys: string[][];
  };
  const dimensions = head.definition.dimensions;
  const vectorsStart = headStart + headLength;
  if (body.length - vectorsStart !== head.ids.length * dimensions * 4) return null;
  const entries = head.ids.map((id, i) => {
    const vector = new Float32Array(dimensions);
    const offset = vectorsStart + i * dimensions * 4;
    for (let d = 0; d < dimensions; d++) vector[d] = body.readFloatLE(offset + d * 4);
    return { id, keys: head.keys[i]!, vector };
  });
  return { definition: head.definition, lastWrite: head.lastWrite, entries };
}
