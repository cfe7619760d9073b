import { CommitTsPlaceholder, type Value } from "convex/values";
import { convexTypeOf } from "./type-order.ts";
import { getFieldValue } from "./field-path.ts";
import { sortedEntries } from "./compare.ts";

// Type tags leave room below them for the 0x00 terminator of arrays and objects.
const TAG = {
  undefined: 0x10,
  null: 0x20,
  int64: 0x30,
  float64: 0x40,
  false: 0x50,
  true: 0x51,
  string: 0x60,
  bytes: 0x70,
  array: 0x80,
  object: 0x90,
} as const;
const END = 0x00;
const FIELD = 0x01;
const ESCAPE = 0xff;
const SIGN_BIT = 1n << 63n;
const MAX_INT64 = SIGN_BIT - 1n;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder("utf-8", { fatal: true });

class ByteWriter {
  buffer = new Uint8Array(64);
  length = 0;
  reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }
  bytes(values: Uint8Array): void {
    this.reserve(values.length);
    this.buffer.set(values, this.length);
    this.length += values.length;
  }
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/**
 * Encodes a tuple of values (undefined allowed, for missing fields) so that
 * byte-wise (memcmp) order of the encodings equals `compareValues` order of the
 * tuples, with a tuple sorting before any tuple it is a prefix of.
 */
export function encodeIndexKey(values: readonly (Value | undefined)[]): Uint8Array {
  keyWriter.length = 0;
  for (const value of values) writeValue(keyWriter, value);
  return keyWriter.result();
}

/** One writer for every key: a key is made in one synchronous call that nothing re-enters. */
const keyWriter = new ByteWriter();
/** Scratch for a number's 8 big-endian bytes. */
const numberBytes = new Uint8Array(8);
const numberView = new DataView(numberBytes.buffer);

/** The index key for a document: its values at each field path, missing ones as undefined. */
export function indexKeyForDocument(
  doc: Record<string, Value | undefined>,
  fieldPaths: readonly string[],
): Uint8Array {
  return encodeIndexKey(fieldPaths.map((path) => getFieldValue(doc, path)));
}

function writeValue(writer: ByteWriter, value: Value | undefined): void {
  const type = convexTypeOf(value);
  switch (type) {
    case "undefined":
    case "null":
      writer.byte(TAG[type]);
      return;
    case "int64": {
      writer.byte(TAG.int64);
      const n = value instanceof CommitTsPlaceholder ? MAX_INT64 : (value as bigint);
      writeUint64(writer, BigInt.asUintN(64, n) ^ SIGN_BIT);
      return;
    }
    case "float64": {
      writer.byte(TAG.float64);
      numberView.setFloat64(0, value as number);
      // Negative floats invert every bit so larger magnitudes sort lower; others set the sign bit.
      if (numberBytes[0]! & 0x80) for (let i = 0; i < 8; i++) numberBytes[i] = ~numberBytes[i]!;
      else numberBytes[0] = numberBytes[0]! | 0x80;
      writer.bytes(numberBytes);
      return;
    }
    case "boolean":
      writer.byte(value ? TAG.true : TAG.false);
      return;
    case "string":
      writer.byte(TAG.string);
      writeString(writer, value as string);
      return;
    case "bytes":
      writer.byte(TAG.bytes);
      writeEscaped(writer, new Uint8Array(value as ArrayBuffer));
      return;
    case "array":
      writer.byte(TAG.array);
      for (const item of value as Value[]) writeValue(writer, item);
      writer.byte(END);
      return;
    case "object":
      writer.byte(TAG.object);
      for (const [key, field] of sortedEntries(value as Record<string, Value | undefined>)) {
        writer.byte(FIELD);
        writeEscaped(writer, utf8Encoder.encode(key));
        writeValue(writer, field);
      }
      writer.byte(END);
      return;
  }
}

function writeUint64(writer: ByteWriter, n: bigint): void {
  numberView.setBigUint64(0, n);
  writer.bytes(numberBytes);
}

/** A string as `writeEscaped` writes its UTF-8, copying ASCII (ids, most field values) directly. */
function writeString(writer: ByteWriter, text: string): void {
  writer.reserve(text.length + 2);
  const buffer = writer.buffer;
  let at = writer.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0 || code > 0x7f) {
      writer.length = at;
      writeEscaped(writer, utf8Encoder.encode(text.slice(i)));
      return;
    }
    buffer[at++] = code;
  }
  buffer[at++] = 0;
  buffer[at++] = 0;
  writer.length = at;
}

// 0x00 becomes 0x00 0xFF and the string ends with 0x00 0x00, keeping prefixes first.
function writeEscaped(writer: ByteWriter, bytes: Uint8Array): void {
  for (const byte of bytes) {
    writer.byte(byte);
    if (byte === 0) writer.byte(ESCAPE);
  }
  writer.byte(0);
  writer.byte(0);
}

/** Decodes a key produced by {@link encodeIndexKey} back into its tuple. */
export function decodeIndexKey(key: Uint8Array): (Value | undefined)[] {
  const reader = { key, pos: 0 };
  const values: (Value | undefined)[] = [];
  while (reader.pos < key.length) values.push(readValue(reader));
  return values;
}

type Reader = { key: Uint8Array; pos: number };

function readByte(reader: Reader): number {
  const byte = reader.key[reader.pos++];
  if (byte === undefined) throw new Error("Truncated index key");
  return byte;
}

function readValue(reader: Reader): Value | undefined {
  const tag = readByte(reader);
  switch (tag) {
    case TAG.undefined:
      return undefined;
    case TAG.null:
      return null;
    case TAG.int64:
      return BigInt.asIntN(64, readUint64(reader) ^ SIGN_BIT);
    case TAG.float64: {
      const stored = readUint64(reader);
      const bits = stored & SIGN_BIT ? stored ^ SIGN_BIT : ~stored & 0xffffffffffffffffn;
      const view = new DataView(new ArrayBuffer(8));
      view.setBigUint64(0, bits);
      return view.getFloat64(0);
    }
    case TAG.false:
      return false;
    case TAG.true:
      return true;
    case TAG.string:
      return utf8Decoder.decode(readEscaped(reader));
    case TAG.bytes:
      return readEscaped(reader).slice().buffer;
    case TAG.array: {
      const items: Value[] = [];
      while (reader.key[reader.pos] !== END) {
        const item = readValue(reader);
        if (item === undefined) throw new Error("Invalid index key: undefined inside an array");
        items.push(item);
      }
      reader.pos++;
      return items;
    }
    case TAG.object: {
      const object: Record<string, Value> = {};
      for (let marker = readByte(reader); marker !== END; marker = readByte(reader)) {
        if (marker !== FIELD) throw new Error("Invalid index key: bad object field marker");
        const key = utf8Decoder.decode(readEscaped(reader));
        const field = readValue(reader);
        if (field !== undefined) object[key] = field;
      }
      return object;
    }
    default:
      throw new Error(`Invalid index key: unknown type tag ${tag}`);
  }
}

function readUint64(reader: Reader): bigint {
  if (reader.pos + 8 > reader.key.length) throw new Error("Truncated index key");
  const view = new DataView(reader.key.buffer, reader.key.byteOffset + reader.pos, 8);
  reader.pos += 8;
  return view.getBigUint64(0);
}

function readEscaped(reader: Reader): Uint8Array {
  const out: number[] = [];
  for (;;) {
    const byte = readByte(reader);
    if (byte !== 0) {
      out.push(byte);
      continue;
    }
    const next = readByte(reader);
    if (next === 0) return Uint8Array.from(out);
    if (next !== ESCAPE) throw new Error("Invalid index key: bad escape");
    out.push(0);
  }
}
