import { jsonToConvex, type JSONValue, type Value } from "convex/values";
import { encodeIndexKey } from "../values/index-key.ts";
import { indexRangeToKeyInterval, parseIndexRange } from "../values/index-range.ts";
import type { IndexInfo } from "./catalog.ts";
import { keySuccessor, type KeyRange } from "./key-range.ts";

export type DocJson = { _id: string; _creationTime: number } & Record<string, JSONValue>;

export type RangeExpression = {
  type: "Eq" | "Gt" | "Gte" | "Lt" | "Lte";
  fieldPath: string;
  value: JSONValue;
};

export function fieldValue(doc: Record<string, JSONValue>, path: string): Value | undefined {
  return valueAt(doc, path.split("."));
}

/** The value at a field path already split at its dots. */
function valueAt(doc: Record<string, JSONValue>, parts: readonly string[]): Value | undefined {
  let current: JSONValue | undefined = doc;
  for (const part of parts) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) return undefined;
    current = (current as Record<string, JSONValue>)[part];
    if (current === undefined) return undefined;
  }
  return jsonToConvex(current as JSONValue);
}

/** Every index implicitly ends with `_creationTime` then `_id`, which makes keys unique. */
function indexKeyFields(index: IndexInfo): string[] {
  if (index.name === "by_id") return ["_id"];
  const fields = [...index.fields];
  if (fields[fields.length - 1] !== "_creationTime") fields.push("_creationTime");
  fields.push("_id");
  return fields;
}

/** Each index's key fields split at their dots, made once per index: every write computes its keys. */
const keyPaths = new WeakMap<IndexInfo, string[][]>();

export function indexKey(index: IndexInfo, doc: DocJson): Uint8Array {
  let paths = keyPaths.get(index);
  if (!paths) keyPaths.set(index, (paths = indexKeyFields(index).map((f) => f.split("."))));
  return encodeIndexKey(paths.map((parts) => valueAt(doc, parts)));
}

export function idKey(id: string): Uint8Array {
  return encodeIndexKey([id]);
}

/** `by_id` is answered by the documents table itself (keyed by table, then id): it keeps no entries. */
export function keepsEntries(index: IndexInfo): boolean {
  return index.name !== "by_id";
}

const STRING_TAG = encodeIndexKey([""])[0]!;

/**
 * The id a `by_id` key or range bound starts with, for bounding a scan of the documents table:
 * ids order as their keys do, so every id whose key is at least `key` is at least this string,
 * and every id whose key is below it is at most this string. Null when it starts with no string.
 */
export function leadingId(key: Uint8Array): string | null {
  if (key[0] !== STRING_TAG) return null;
  const bytes: number[] = [];
  // The string's bytes (0x00 escaped as 0x00 0xFF) up to its 0x00 0x00 end, or the bound's end.
  for (let i = 1; i < key.length; i++) {
    if (key[i] !== 0) bytes.push(key[i]!);
    else if (key[i + 1] === 0xff) {
      bytes.push(0);
      i++;
    } else break;
  }
  const id = Buffer.from(bytes).toString("utf8");
  // A bound cut inside a character bounds nothing exactly: scan without it.
  return Buffer.byteLength(id) === bytes.length ? id : null;
}

/**
 * The id of the document an index entry is for: every key of an index with entries ends with the
 * id as a string. Ids are base32, so their bytes hold neither the string tag nor 0x00: the id runs
 * from the last string tag to the string's 0x00 0x00 end.
 */
export function keyDocumentId(key: Uint8Array): string {
  const end = key.length - 2;
  const start = key.lastIndexOf(STRING_TAG, end - 1) + 1;
  return Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("latin1", start, end);
}

export function pointRange(key: Uint8Array): KeyRange {
  return { lo: key, hi: keySuccessor(key) };
}

/** Turns a wire index range (eq prefix, then optional bounds on the next field) into key bytes. */
export function keyRangeFor(index: IndexInfo, range: RangeExpression[]): KeyRange {
  const { lower, upper } = indexRangeToKeyInterval(indexKeyFields(index), parseIndexRange(range));
  return { lo: lower, hi: upper };
}
