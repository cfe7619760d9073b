import { describe, expect, it } from "vitest";
import { convexToJson, jsonToConvex } from "convex/values";
import {
  BadFormatError,
  encodeValueForFormat,
  jsonAsConvex,
  jsonToConvexOrUndefined,
  parseValueFormat,
} from "./codec.ts";

const bytes = new Uint8Array([1, 2, 255]).buffer;
const sample = {
  big: 1234567890123456789n,
  bytes,
  nan: NaN,
  inf: Infinity,
  ninf: -Infinity,
  negZero: -0,
  list: [1, "a", null, true],
  nested: { z: 1, a: 2n },
};

describe("encodeValueForFormat", () => {
  it("convex_encoded_json matches convexToJson and round-trips", () => {
    const encoded = encodeValueForFormat(sample, "convex_encoded_json");
    expect(encoded).toEqual(convexToJson(sample));
    expect(encodeValueForFormat(sample, "convex_json")).toEqual(encoded);
    expect(jsonToConvex(encoded)).toEqual(sample);
  });

  it("json (clean) uses strings for int64 and non-finite floats and base64 for bytes", () => {
    expect(encodeValueForFormat(sample, "json")).toEqual({
      big: "1234567890123456789",
      bytes: "AQL/",
      nan: "NaN",
      inf: "Infinity",
      ninf: "-Infinity",
      negZero: -0,
      list: [1, "a", null, true],
      nested: { a: "2", z: 1 },
    });
    expect(encodeValueForFormat(5n, "convex_clean_json")).toBe("5");
  });

  it("export_json writes int64 as a JSON number with every digit", () => {
    const text = JSON.stringify(encodeValueForFormat(sample, "export_json"));
    expect(JSON.parse(text.replace("1234567890123456789", '"exact"'))).toMatchObject({
      big: "exact",
      bytes: { $bytes: "AQL/" },
      nan: convexToJson(NaN),
      negZero: convexToJson(-0),
      nested: { a: 2, z: 1 },
    });
  });

  it("throws BadFormat for unknown formats", () => {
    expect(() => encodeValueForFormat(1, "xml")).toThrow(BadFormatError);
    expect(() => parseValueFormat("xml")).toThrow("format param must be one of [`json`]. Got xml");
    try {
      parseValueFormat("yaml");
    } catch (error) {
      expect((error as BadFormatError).code).toBe("BadFormat");
    }
  });

  it("decodes the $undefined marker", () => {
    expect(jsonToConvexOrUndefined({ $undefined: null })).toBeUndefined();
    expect(jsonToConvexOrUndefined(convexToJson(3n))).toBe(3n);
  });
});

describe("jsonAsConvex", () => {
  it("returns plain JSON itself, equal to what jsonToConvex makes of it", () => {
    const plain = { channel: "c", n: 1.5, ok: true, none: null, list: [1, "a", { x: [] }] };
    expect(jsonAsConvex(plain)).toBe(plain);
    expect(jsonAsConvex(plain)).toEqual(jsonToConvex(plain));
    expect(jsonAsConvex("text")).toBe("text");
  });

  it("decodes tagged values as jsonToConvex does, at any depth", () => {
    const encoded = convexToJson(sample);
    expect(jsonAsConvex(encoded)).toEqual(sample);
    expect(jsonAsConvex([{ a: convexToJson(5n) }])).toEqual([{ a: 5n }]);
  });

  it("refuses what jsonToConvex refuses, with its message", () => {
    for (const bad of [
      { nested: { $reserved: 1 } },
      { ["é"]: 1 },
      { ["x".repeat(1025)]: 1 },
      { a: undefined },
    ]) {
      expect(() => jsonToConvex(bad as never)).toThrow();
      expect(() => jsonAsConvex(bad as never)).toThrow(
        (() => {
          try {
            jsonToConvex(bad as never);
          } catch (e) {
            return (e as Error).message;
          }
        })(),
      );
    }
  });
});
