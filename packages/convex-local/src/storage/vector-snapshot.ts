import { createHash } from "node:crypto";
import { type SavedEntry, type VectorIndexDefinition } from "./vector-index.ts";

/**
 * A vector index saved beside the SQLite file: its definition, the table's last write it reflects,
 * each document's id, label, filter keys and normalized vector, and the sha256 of hnswlib's exact
 * store saved next to it. Layout: MAGIC, u32 length of the JSON head, head, float32 vectors
 * (little-endian), sha256 of all before.
 */
export type VectorSnapshot = {
  definition: VectorIndexDefinition;
  /** The table's last write (commit ts) when it was saved, null when none was recorded. */
  lastWrite: string | null;
  labelsIssued: number;
  exactStoreSha256: string;
  entries: SavedEntry[];
};

const MAGIC = Buffer.from("ECHOVEC2");
const DIGEST_BYTES = 32;

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function encodeSnapshot(snapshot: VectorSnapshot): Buffer {
  const { entries, ...rest } = snapshot;
  const head = Buffer.from(
    JSON.stringify({
      ...rest,
      ids: entries.map((e) => e.id),
      labels: entries.map((e) => e.label),
      keys: entries.map((e) => e.keys),
    }),
  );
  const length = Buffer.alloc(4);
  length.writeUInt32LE(head.length);
  const dimensions = snapshot.definition.dimensions;
  const vectors = new Float32Array(entries.length * dimensions);
  entries.forEach((entry, i) => vectors.set(entry.vector, i * dimensions));
  const body = Buffer.concat([MAGIC, length, head, littleEndian(vectors)]);
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
  const { ids, labels, keys, ...rest } = JSON.parse(
    body.subarray(headStart, headStart + headLength).toString(),
  ) as Omit<VectorSnapshot, "entries"> & { ids: string[]; labels: number[]; keys: string[][] };
  const dimensions = rest.definition.dimensions;
  const vectorsStart = headStart + headLength;
  if (body.length - vectorsStart !== ids.length * dimensions * 4) return null;
  const vectors = fromLittleEndian(body.subarray(vectorsStart));
  const entries = ids.map((id, i) => ({
    id,
    label: labels[i]!,
    keys: keys[i]!,
    vector: vectors.slice(i * dimensions, (i + 1) * dimensions),
  }));
  return { ...rest, entries };
}

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function littleEndian(vectors: Float32Array): Buffer {
  const bytes = Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
  return HOST_IS_LITTLE_ENDIAN ? bytes : Buffer.from(bytes).swap32();
}

function fromLittleEndian(bytes: Buffer): Float32Array {
  // A copy: aligned for Float32Array, and swapped on a big-endian host.
  const copy = Buffer.alloc(bytes.length);
  bytes.copy(copy);
  if (!HOST_IS_LITTLE_ENDIAN) copy.swap32();
  return new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
}
