import { describe, expect, test } from "vitest";
import { encodeDocumentId, newInternalId } from "../ids/document-id.ts";
import { type DocJson, keyRangeFor, type RangeExpression } from "./index-keys.ts";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";

const ID = "_id";

function setup(count: number) {
  const store = new Store(openDatabase(":memory:"));
  const table = store.catalog.ensureTable("", "messages");
  const other = store.catalog.ensureTable("", "others");
  const tx = store.begin();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = encodeDocumentId(table.number, newInternalId());
    tx.write(table.number, id, { _id: id, _creationTime: i, n: i } as DocJson);
    ids.push(id);
    // Documents of another table must never show in this one's by_id.
    const otherId = encodeDocumentId(other.number, newInternalId());
    tx.write(other.number, otherId, { _id: otherId, _creationTime: i } as DocJson);
  }
  store.commit(tx);
  return { store, table, ids: ids.sort() };
}

function scan(
  store: Store,
  tableNumber: number,
  range: RangeExpression[],
  order: "asc" | "desc",
  pending: DocJson[] = [],
  limit = Infinity,
): string[] {
  const index = store.catalog.index(tableNumber, "by_id")!;
  const tx = store.begin();
  for (const doc of pending) tx.write(tableNumber, doc._id, doc);
  const stream = tx.openStream(index, keyRangeFor(index, range), order);
  const out: string[] = [];
  for (
    let d = tx.next(stream);
    d && out.length < limit;
    d = out.length < limit ? tx.next(stream) : null
  )
    out.push(d._id);
  store.release(tx);
  return out;
}

/** What a range selects, by comparing id strings (the order by_id keys have). */
function expected(ids: string[], range: RangeExpression[], order: "asc" | "desc"): string[] {
  const selected = ids.filter((id) =>
    range.every(({ type, value }) => {
      const v = String(value);
      if (type === "Eq") return id === v;
      if (type === "Gt") return id > v;
      if (type === "Gte") return id >= v;
      if (type === "Lt") return id < v;
      return id <= v;
    }),
  );
  return order === "asc" ? selected : selected.reverse();
}

describe("by_id read from the documents table", () => {
  const { store, table, ids } = setup(300);
  const at = (i: number) => ids[i]!;
  const missing = encodeDocumentId(table.number, newInternalId());
  const ranges: Array<[string, RangeExpression[]]> = [
    ["everything", []],
    ["one id", [{ type: "Eq", fieldPath: ID, value: at(150) }]],
    ["an id not stored", [{ type: "Eq", fieldPath: ID, value: missing }]],
    ["after an id", [{ type: "Gt", fieldPath: ID, value: at(100) }]],
    ["from an id", [{ type: "Gte", fieldPath: ID, value: at(100) }]],
    ["before an id", [{ type: "Lt", fieldPath: ID, value: at(200) }]],
    ["up to an id", [{ type: "Lte", fieldPath: ID, value: at(200) }]],
    [
      "between two ids",
      [
        { type: "Gt", fieldPath: ID, value: at(10) },
        { type: "Lte", fieldPath: ID, value: at(290) },
      ],
    ],
    [
      "an empty interval",
      [
        { type: "Gte", fieldPath: ID, value: at(20) },
        { type: "Lt", fieldPath: ID, value: at(20) },
      ],
    ],
    ["below every id", [{ type: "Lt", fieldPath: ID, value: "0" }]],
    ["above every id", [{ type: "Gt", fieldPath: ID, value: "zzzzzzzz" }]],
  ];

  for (const order of ["asc", "desc"] as const)
    for (const [name, range] of ranges)
      test(`${name}, ${order}`, () => {
        expect(scan(store, table.number, range, order)).toEqual(expected(ids, range, order));
      });

  test("merges a transaction's own inserts in id order", () => {
    const added = Array.from({ length: 5 }, (_, i) => {
      const id = encodeDocumentId(table.number, newInternalId());
      return { _id: id, _creationTime: 1000 + i } as DocJson;
    });
    const all = [...ids, ...added.map((d) => d._id)].sort();
    expect(scan(store, table.number, [], "asc", added)).toEqual(all);
    expect(scan(store, table.number, [], "desc", added)).toEqual([...all].reverse());
  });

  test("a partly read stream records only what it read, so a later write past it does not conflict", () => {
    const index = store.catalog.index(table.number, "by_id")!;
    const reader = store.begin();
    const stream = reader.openStream(index, keyRangeFor(index, []), "asc");
    for (let i = 0; i < 100; i++) expect(reader.next(stream)?._id).toBe(at(i));
    const writer = store.begin();
    writer.write(table.number, at(250), { _id: at(250), _creationTime: 250, n: -1 } as DocJson);
    store.commit(writer);
    expect(store.release(reader)).toBe(true);

    const second = store.begin();
    const again = second.openStream(index, keyRangeFor(index, []), "asc");
    for (let i = 0; i < 100; i++) second.next(again);
    const inside = store.begin();
    inside.write(table.number, at(50), { _id: at(50), _creationTime: 50, n: -1 } as DocJson);
    store.commit(inside);
    expect(store.release(second)).toBe(false);
  });
});
