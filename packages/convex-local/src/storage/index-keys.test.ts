import { describe, expect, test } from "vitest";
import type { JSONValue } from "convex/values";
import { encodeDocumentId, newInternalId } from "../ids/document-id.ts";
import { encodeIndexKey } from "../values/index-key.ts";
import { type DocJson, fieldValue, indexKey, keyDocumentId } from "./index-keys.ts";

describe("keyDocumentId", () => {
  test("reads the document id back from any index key, whatever bytes the fields before it hold", () => {
    const index = { id: 7, tableNumber: 300, name: "by_tag", fields: ["tag", "n"] };
    // 0x60 is the string tag: as text, inside a float's bytes and in a nested array before the id.
    for (const [tag, n] of [
      ["a`b", 0],
      ["\u0000``", Number.parseFloat("1.5e-301")],
      [["`", "\u0000"], 96],
      [null, -0x6060606060],
    ] as const) {
      const doc = {
        _id: encodeDocumentId(300, newInternalId()),
        _creationTime: 1_700_000_000_000.5,
        tag,
        n,
      } as unknown as DocJson;
      expect(keyDocumentId(indexKey(index, doc))).toBe(doc._id);
    }
  });
});

describe("indexKey", () => {
  test("keys a document by its indexed fields, nested paths included, then creation time and id, for every document of the index alike", () => {
    const index = {
      id: 8,
      tableNumber: 301,
      name: "by_owner_name",
      fields: ["owner.name", "rank"],
    };
    const doc = (owner: JSONValue, rank: JSONValue): DocJson =>
      ({
        _id: encodeDocumentId(301, newInternalId()),
        _creationTime: 1_700_000_000_000,
        owner,
        rank,
      }) as unknown as DocJson;
    const first = doc({ name: "ada" }, 2);
    const second = doc({ name: "bob", extra: true }, "1");
    const missing = doc("not an object", 3);
    // The same index keys several documents: each key is its own document's.
    for (const d of [first, second, missing, first]) {
      const name = fieldValue(d, "owner.name");
      expect(indexKey(index, d)).toEqual(
        encodeIndexKey([name, fieldValue(d, "rank"), d._creationTime, d._id]),
      );
      expect(keyDocumentId(indexKey(index, d))).toBe(d._id);
    }
    expect(fieldValue(first, "owner.name")).toBe("ada");
    expect(fieldValue(missing, "owner.name")).toBeUndefined();
  });
});
