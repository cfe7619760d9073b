import { describe, expect, test } from "vitest";
import { encodeDocumentId, newInternalId } from "../ids/document-id.ts";
import { type DocJson, indexKey, keyDocumentId } from "./index-keys.ts";

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
