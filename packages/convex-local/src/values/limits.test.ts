import { describe, expect, it } from "vitest";
import { jsonToConvex, type Value } from "convex/values";
import {
  checkDocumentLimits,
  checkFieldName,
  type DocumentLimitError,
  MAX_ARRAY_LENGTH,
  TRANSACTION_LIMITS,
} from "./limits.ts";

function nested(levels: number): Value {
  let value: Value = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function convexFieldError(field: string): string {
  try {
    jsonToConvex({ [field]: 1 });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("convex/values accepted the field");
}

describe("checkDocumentLimits", () => {
  it("accepts an ordinary document with system fields", () => {
    expect(() =>
      checkDocumentLimits({
        _id: "abc",
        _creationTime: 1,
        name: "x",
        tags: ["a"],
        nested: { _ok: 1 },
      }),
    ).not.toThrow();
  });

  it("rejects documents over 1 MiB", () => {
    expect(() => checkDocumentLimits({ text: "x".repeat(1024 * 1024) })).toThrow(
      /Value is too large \(1\.00 MiB > maximum size 1 MiB\)/,
    );
    expect(() => checkDocumentLimits({ text: "x".repeat(1000 * 1024) })).not.toThrow();
  });

  it("allows 16 levels of nesting and rejects 17", () => {
    expect(() => checkDocumentLimits({ v: nested(15) })).not.toThrow();
    expect(() => checkDocumentLimits({ v: nested(16) })).toThrow(
      /^Value is too nested \(nested 17 levels deep > maximum nesting 16\)/,
    );
    try {
      checkDocumentLimits({ v: nested(16) });
    } catch (error) {
      expect((error as DocumentLimitError).code).toBe("TooNestedError");
    }
  });

  it("limits array length to 8192", () => {
    expect(() => checkDocumentLimits({ list: new Array(MAX_ARRAY_LENGTH).fill(0) })).not.toThrow();
    expect(() => checkDocumentLimits({ list: new Array(MAX_ARRAY_LENGTH + 1).fill(0) })).toThrow(
      "Array length is too long (8193 > maximum length 8192) at path .list",
    );
  });

  it("rejects user fields starting with an underscore at the top level only", () => {
    expect(() => checkDocumentLimits({ _secret: 1 })).toThrow(/_secret' starts with an underscore/);
  });

  it.each([
    ["$bad", "Field name $bad starts with '$', which is reserved."],
    [
      "with\nnewline",
      "Field name with\nnewline has invalid character '\n': Field names can only contain non-control ASCII characters",
    ],
    [
      "ünïcode",
      "Field name ünïcode has invalid character 'ü': Field names can only contain non-control ASCII characters",
    ],
    ["x".repeat(1025), "Field name is too long (1025 > maximum 1024)"],
    ["", "Field name cannot be empty"],
  ])("rejects field name %j with the backend's wording", (field, message) => {
    expect(() => checkFieldName(field)).toThrow(message);
    expect(() => checkDocumentLimits({ inner: { [field]: 1 } })).toThrow(message);
  });

  it("rejects every field name that convex/values rejects", () => {
    for (const field of ["$bad", "with\nnewline", "ünïcode", "x".repeat(1025), "tab\there"]) {
      expect(convexFieldError(field)).toBeTruthy();
      expect(() => checkFieldName(field)).toThrow();
    }
    expect(() => checkFieldName("spaces and-symbols!~")).not.toThrow();
  });

  it("exports the documented transaction limits", () => {
    expect(TRANSACTION_LIMITS).toMatchObject({
      documentsRead: 32000,
      bytesRead: 16777216,
      documentsWritten: 16000,
      bytesWritten: 16777216,
    });
  });
});
