import { describe, expect, it } from "vitest";
import { seededRandom } from "../values/random-values.ts";
import { decodeBase32, encodeBase32 } from "./base32.ts";
import { decodeDocumentId, encodeDocumentId, isDocumentId, newInternalId } from "./document-id.ts";

describe("document ids", () => {
  it("matches the backend's stability vector", () => {
    const internalId = new Uint8Array(16);
    internalId[0] = 251;
    for (let i = 1; i < 16; i++) internalId[i] = (internalId[i - 1]! * 251) & 0xff;
    const id = encodeDocumentId(1017, internalId);
    expect(id).toBe("z43zp6c3e75gkmz1kfwj6mbbx5sw281h");
    expect(decodeDocumentId(id)).toEqual({ tableNumber: 1017, internalId });
  });

  it("round-trips table numbers across every varint width", () => {
    for (const tableNumber of [1, 127, 128, 16383, 16384, 2 ** 21, 2 ** 28, 2 ** 32 - 1]) {
      const internalId = newInternalId();
      const id = encodeDocumentId(tableNumber, internalId);
      expect(decodeDocumentId(id)).toEqual({ tableNumber, internalId });
      expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{31,37}$/);
    }
  });

  it("makes unique random internal ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => encodeDocumentId(10, newInternalId())));
    expect(ids.size).toBe(1000);
  });

  it("orders ids by the time they were made, within a table", async () => {
    const earlier = Array.from({ length: 50 }, () => encodeDocumentId(10, newInternalId()));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = Array.from({ length: 50 }, () => encodeDocumentId(10, newInternalId()));
    const latestEarlier = [...earlier].sort().at(-1)!;
    for (const id of later) {
      expect(id > latestEarlier).toBe(true);
      expect(id).toHaveLength(latestEarlier.length);
    }
    // The leading bytes are the clock's milliseconds, the rest random: no two ids alike.
    const { internalId } = decodeDocumentId(later[0]!)!;
    const ms = internalId.subarray(0, 6).reduce((n, byte) => n * 256 + byte, 0);
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000);
    expect(new Set([...earlier, ...later]).size).toBe(100);
  });

  it("rejects malformed ids", () => {
    const id = encodeDocumentId(5, newInternalId());
    const flipped = id.slice(0, 10) + (id[10] === "a" ? "b" : "a") + id.slice(11);
    expect(decodeDocumentId(flipped)).toBeNull();
    expect(decodeDocumentId(id.slice(0, -1))).toBeNull();
    expect(decodeDocumentId(`${id}0`)).toBeNull();
    expect(decodeDocumentId(id.toUpperCase())).toBeNull();
    expect(decodeDocumentId("")).toBeNull();
    expect(decodeDocumentId("sssswsgggggggggsgcsssfafffsffks")).toBeNull();
    expect(decodeDocumentId("i".repeat(32))).toBeNull();
    expect(isDocumentId("not an id")).toBe(false);
    expect(isDocumentId(id)).toBe(true);
  });

  it("rejects table number zero and bad arguments", () => {
    expect(() => encodeDocumentId(0, newInternalId())).toThrow(/Invalid table number/);
    expect(() => encodeDocumentId(1, new Uint8Array(15))).toThrow(/16 bytes/);
    // A zero table number with a correct checksum still is not an id.
    const bytes = new Uint8Array(19);
    let c0 = 0;
    let c1 = 0;
    for (const byte of bytes.subarray(0, 17)) {
      c0 = (c0 + byte) & 0xff;
      c1 = (c1 + c0) & 0xff;
    }
    bytes[17] = c0;
    bytes[18] = c1;
    expect(decodeDocumentId(encodeBase32(bytes))).toBeNull();
  });

  it("never throws on random strings", () => {
    const random = seededRandom(3);
    const alphabet = "0123456789abcdefghjkmnpqrstvwxyzIO_";
    for (let i = 0; i < 2000; i++) {
      const length = 29 + Math.floor(random() * 10);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      expect(() => decodeDocumentId(text)).not.toThrow();
    }
  });
});

describe("base32", () => {
  it("round-trips any byte length", () => {
    const random = seededRandom(11);
    for (let length = 0; length < 40; length++) {
      const bytes = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(decodeBase32(encodeBase32(bytes))).toEqual(bytes);
    }
  });

  it("refuses characters outside the alphabet, capitals and non-ASCII included", () => {
    const valid = encodeBase32(Uint8Array.from([1, 2, 3, 4, 5]));
    expect(decodeBase32(valid)).toEqual(Uint8Array.from([1, 2, 3, 4, 5]));
    for (const bad of ["i", "l", "o", "u", "A", "Z", "-", " ", "\u00e9", "\u{1F600}", "\u0000"]) {
      expect(decodeBase32(bad + valid.slice(bad.length))).toBeNull();
      expect(decodeBase32(valid.slice(0, -1) + bad)).toBeNull();
    }
  });
});
