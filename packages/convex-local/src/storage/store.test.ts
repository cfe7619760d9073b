import { describe, expect, test } from "vitest";
import { openDatabase } from "./sqlite.ts";
import { ConflictError, SnapshotUnavailableError, Store } from "./store.ts";
import { keyRangeFor, type DocJson } from "./index-keys.ts";
import { tempDir } from "../../test/helpers.ts";
import { statSync } from "node:fs";
import { join } from "node:path";

function setup() {
  const store = new Store(openDatabase(":memory:"));
  const table = store.catalog.ensureTable("", "messages");
  const byAuthor = store.catalog.createIndex(table.number, "by_author", ["author"]);
  return { store, table, byAuthor };
}

function doc(id: string, creationTime: number, fields: Record<string, string | number>): DocJson {
  return { _id: id, _creationTime: creationTime, ...fields };
}

function collect(
  store: Store,
  indexName: string,
  range: Parameters<typeof keyRangeFor>[1],
  order: "asc" | "desc" = "asc",
) {
  const table = store.catalog.table("", "messages")!;
  const index = store.catalog.index(table.number, indexName)!;
  const tx = store.begin();
  const stream = tx.openStream(index, keyRangeFor(index, range), order);
  const out: DocJson[] = [];
  for (let d = tx.next(stream); d; d = tx.next(stream)) out.push(d);
  store.release(tx);
  return out.map((d) => d._id);
}

describe("store", () => {
  test("commits documents and scans indexes in order with _creationTime tie-break", () => {
    const { store, table } = setup();
    const tx = store.begin();
    tx.write(table.number, "a", doc("a", 3, { author: "x" }));
    tx.write(table.number, "b", doc("b", 1, { author: "y" }));
    tx.write(table.number, "c", doc("c", 2, { author: "x" }));
    const { ts } = store.commit(tx);
    expect(ts).toBeGreaterThan(0n);
    expect(collect(store, "by_creation_time", [])).toEqual(["b", "c", "a"]);
    expect(collect(store, "by_creation_time", [], "desc")).toEqual(["a", "c", "b"]);
    expect(collect(store, "by_author", [{ type: "Eq", fieldPath: "author", value: "x" }])).toEqual([
      "c",
      "a",
    ]);
    expect(collect(store, "by_author", [{ type: "Gt", fieldPath: "author", value: "x" }])).toEqual([
      "b",
    ]);
  });

  test("a commit of many documents, then one that patches and deletes them, keeps each index exact", () => {
    const { store, table } = setup();
    const author = (i: number) => (i % 3 === 0 ? "x" : "y");
    const first = store.begin();
    // 150 documents × 3 indexes: more entries than one multi-row statement writes.
    for (let i = 0; i < 150; i++)
      first.write(table.number, `d${i}`, doc(`d${i}`, i, { author: author(i), body: "v1" }));
    store.commit(first);
    const second = store.begin();
    for (let i = 0; i < 150; i++) {
      if (i % 5 === 0) second.write(table.number, `d${i}`, null);
      else if (i % 2 === 0)
        second.write(table.number, `d${i}`, doc(`d${i}`, i, { author: "z", body: "v1" }));
      else second.write(table.number, `d${i}`, doc(`d${i}`, i, { author: author(i), body: "v2" }));
    }
    store.commit(second);
    const kept = Array.from({ length: 150 }, (_, i) => i).filter((i) => i % 5 !== 0);
    const authorNow = (i: number) => (i % 2 === 0 ? "z" : author(i));
    const ids = (of: number[]) => of.map((i) => `d${i}`);
    expect(collect(store, "by_creation_time", [])).toEqual(ids(kept));
    for (const a of ["x", "y", "z"])
      expect(collect(store, "by_author", [{ type: "Eq", fieldPath: "author", value: a }])).toEqual(
        ids(kept.filter((i) => authorNow(i) === a)),
      );
    expect(collect(store, "by_id", [])).toEqual(ids(kept).sort());
    // by_id is answered by the documents table: two of the three indexes keep entries.
    const entries = store.db.prepare("SELECT COUNT(*) AS n FROM index_entries").get()!;
    expect(Number(entries.n)).toBe(kept.length * 2);
  });

  test("scans that run through growing read batches return each entry once, in order, with the transaction's writes merged", () => {
    const { store, table } = setup();
    const author = (i: number) => (i % 2 === 0 ? "x" : "y");
    const id = (i: number) => `d${String(i).padStart(3, "0")}`;
    const first = store.begin();
    for (let i = 0; i < 300; i++)
      first.write(table.number, id(i), doc(id(i), i, { author: author(i) }));
    store.commit(first);

    const tx = store.begin();
    const live = new Map<string, { t: number; author: string }>();
    for (let i = 0; i < 300; i++) live.set(id(i), { t: i, author: author(i) });
    // Deletes and moves at the edges of the reads' batches (2, then 8, 32, 64 rows), and inserts.
    for (const i of [0, 1, 2, 9, 10, 41, 42, 43, 106, 200, 298]) {
      tx.write(table.number, id(i), null);
      live.delete(id(i));
    }
    for (const i of [3, 50, 150]) {
      tx.write(table.number, id(i), doc(id(i), i, { author: "y" }));
      live.set(id(i), { t: i, author: "y" });
    }
    for (const t of [0.5, 40.5, 299.5]) {
      const newId = `n${t}`;
      tx.write(table.number, newId, doc(newId, t, { author: "x" }));
      live.set(newId, { t, author: "x" });
    }
    const scan = (
      indexName: string,
      range: Parameters<typeof keyRangeFor>[1],
      order: "asc" | "desc",
    ) => {
      const index = store.catalog.index(table.number, indexName)!;
      const stream = tx.openStream(index, keyRangeFor(index, range), order);
      const out: string[] = [];
      for (let d = tx.next(stream); d; d = tx.next(stream)) out.push(d._id);
      return out;
    };
    const byTime = [...live.entries()].sort((a, b) => a[1].t - b[1].t).map(([docId]) => docId);
    expect(scan("by_creation_time", [], "asc")).toEqual(byTime);
    expect(scan("by_creation_time", [], "desc")).toEqual([...byTime].reverse());
    const xs = byTime.filter((docId) => live.get(docId)!.author === "x");
    const eqX = [{ type: "Eq" as const, fieldPath: "author", value: "x" }];
    expect(scan("by_author", eqX, "asc")).toEqual(xs);
    expect(scan("by_author", eqX, "desc")).toEqual([...xs].reverse());
    store.release(tx);
  });

  test("a transaction sees its own writes merged into index scans", () => {
    const { store, table } = setup();
    const first = store.begin();
    first.write(table.number, "a", doc("a", 1, { author: "x" }));
    store.commit(first);
    const tx = store.begin();
    tx.write(table.number, "b", doc("b", 2, { author: "x" }));
    tx.write(table.number, "a", null);
    const index = store.catalog.index(table.number, "by_author")!;
    const stream = tx.openStream(
      index,
      keyRangeFor(index, [{ type: "Eq", fieldPath: "author", value: "x" }]),
      "asc",
    );
    expect(tx.next(stream)?._id).toBe("b");
    expect(tx.next(stream)).toBeNull();
    expect(tx.get(table.number, "a")).toBeNull();
  });

  test("a commit into another transaction's read range aborts it", () => {
    const { store, table } = setup();
    const reader = store.begin();
    const index = store.catalog.index(table.number, "by_author")!;
    const stream = reader.openStream(
      index,
      keyRangeFor(index, [{ type: "Eq", fieldPath: "author", value: "x" }]),
      "asc",
    );
    expect(reader.next(stream)).toBeNull();
    const writer = store.begin();
    writer.write(table.number, "a", doc("a", 1, { author: "x" }));
    store.commit(writer);
    reader.write(table.number, "b", doc("b", 2, { author: "z" }));
    expect(() => store.commit(reader)).toThrow(ConflictError);
    expect(collect(store, "by_creation_time", [])).toEqual(["a"]);
  });

  test("a commit outside the read range does not conflict", () => {
    const { store, table } = setup();
    const reader = store.begin();
    const index = store.catalog.index(table.number, "by_author")!;
    const stream = reader.openStream(
      index,
      keyRangeFor(index, [{ type: "Eq", fieldPath: "author", value: "x" }]),
      "asc",
    );
    expect(reader.next(stream)).toBeNull();
    const writer = store.begin();
    writer.write(table.number, "a", doc("a", 1, { author: "y" }));
    store.commit(writer);
    reader.write(table.number, "b", doc("b", 2, { author: "x" }));
    expect(() => store.commit(reader)).not.toThrow();
  });

  test("point reads conflict with writes to the same document", () => {
    const { store, table } = setup();
    const seed = store.begin();
    seed.write(table.number, "a", doc("a", 1, { author: "x", n: 1 }));
    store.commit(seed);
    const t1 = store.begin();
    const t2 = store.begin();
    const d1 = t1.get(table.number, "a")!;
    const d2 = t2.get(table.number, "a")!;
    t1.write(table.number, "a", { ...d1, n: 2 });
    t2.write(table.number, "a", { ...d2, n: 3 });
    store.commit(t1);
    expect(() => store.commit(t2)).toThrow(ConflictError);
  });

  test("scans spanning several disk batches return every row once", () => {
    const { store, table } = setup();
    const tx = store.begin();
    for (let i = 0; i < 200; i++) tx.write(table.number, `d${i}`, doc(`d${i}`, i, { author: "x" }));
    store.commit(tx);
    const ids = collect(store, "by_creation_time", []);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(collect(store, "by_creation_time", [], "desc")[0]).toBe("d199");
  });

  test("a transaction at an earlier timestamp sees that state through every index", () => {
    const { store, table } = setup();
    const seed = store.begin();
    seed.write(table.number, "a", doc("a", 1, { author: "x" }));
    seed.write(table.number, "b", doc("b", 2, { author: "x" }));
    const { ts } = store.commit(seed);
    const later = store.begin();
    later.write(table.number, "a", doc("a", 1, { author: "y" }));
    later.write(table.number, "b", null);
    later.write(table.number, "c", doc("c", 3, { author: "x" }));
    store.commit(later);
    const scan = (tx: ReturnType<Store["begin"]>, author: string) => {
      const index = store.catalog.index(table.number, "by_author")!;
      const stream = tx.openStream(
        index,
        keyRangeFor(index, [{ type: "Eq", fieldPath: "author", value: author }]),
        "asc",
      );
      const ids: string[] = [];
      for (let d = tx.next(stream); d; d = tx.next(stream)) ids.push(d._id);
      return ids;
    };
    const past = store.beginAt(ts);
    expect(scan(past, "x")).toEqual(["a", "b"]);
    expect(scan(past, "y")).toEqual([]);
    expect(past.get(table.number, "c")).toBeNull();
    const now = store.beginAt(store.latestTs());
    expect(scan(now, "x")).toEqual(["c"]);
    expect(scan(now, "y")).toEqual(["a"]);
    expect(() => store.beginAt(store.latestTs() + 1n)).toThrow(SnapshotUnavailableError);
    expect(() => store.beginAt(ts - 1_000_000_000_000n)).toThrow(/too early/);
  });

  test("commits in the same tick share one durable flush and notify listeners after it", async () => {
    const { store, table } = setup();
    const seen: bigint[] = [];
    store.onCommit((commit) => seen.push(commit.ts));
    const a = store.begin();
    a.write(table.number, "a", doc("a", 1, { author: "x" }));
    const b = store.begin();
    b.write(table.number, "b", doc("b", 2, { author: "y" }));
    const first = store.commit(a);
    const second = store.commit(b);
    expect(second.ts).toBeGreaterThan(first.ts);
    expect(first.durable).toBe(second.durable);
    expect(seen).toEqual([]);
    await Promise.all([first.durable, second.durable]);
    expect(seen).toEqual([first.ts, second.ts]);
  });

  test("with full sync, batches are fsynced off the event loop, in order, and the connection stays FULL", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new Store(openDatabase(dir, "full"));
      const table = store.catalog.ensureTable("", "messages");
      const seen: bigint[] = [];
      store.onCommit((commit) => seen.push(commit.ts));
      const commitOne = (id: string, n: number) => {
        const tx = store.begin();
        tx.write(table.number, id, doc(id, n, { author: "x" }));
        return store.commit(tx);
      };
      const first = commitOne("a", 1);
      // The next batch is applied while the first one's fsync may still be running.
      await new Promise((resolve) => setImmediate(resolve));
      const second = commitOne("b", 2);
      expect(first.durable).not.toBe(second.durable);
      await second.durable;
      await first.durable;
      expect(seen).toEqual([first.ts, second.ts]);
      // Writes outside batches still get SQLite's own fsync.
      expect(store.db.prepare("PRAGMA synchronous").get()?.synchronous).toBe(2);
      const third = commitOne("c", 3);
      store.flush();
      expect(seen).toEqual([first.ts, second.ts, third.ts]);
      await third.durable;
      store.close();
      const reopened = new Store(openDatabase(dir, "full"));
      expect(collect(reopened, "by_creation_time", [])).toEqual(["a", "b", "c"]);
      expect(reopened.latestTs()).toBeGreaterThanOrEqual(third.ts);
      reopened.close();
    } finally {
      cleanup();
    }
  });

  test("a worker thread checkpoints the WAL into the database file while commits go on", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new Store(openDatabase(dir, "normal"));
      const table = store.catalog.ensureTable("", "messages");
      const file = join(dir, "convex-local.sqlite3");
      const initial = statSync(file).size;
      for (let i = 0; i < 300; i++) {
        const tx = store.begin();
        tx.write(table.number, `d${i}`, doc(`d${i}`, i, { author: "x".repeat(2000) }));
        await store.commit(tx).durable;
      }
      // Far below SQLite's own fallback of 10,000 pages: only the worker copies pages this early.
      while (statSync(file).size === initial) await new Promise((r) => setTimeout(r, 20));
      expect(statSync(file).size).toBeGreaterThan(initial);
      store.close();
      const reopened = new Store(openDatabase(dir, "normal"));
      expect(collect(reopened, "by_creation_time", [])).toHaveLength(300);
      reopened.close();
    } finally {
      cleanup();
    }
  }, 30_000);

  test("a restart without a clean close starts above every commit's timestamp", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const store = new Store(openDatabase(dir, "normal"));
      const table = store.catalog.ensureTable("", "messages");
      let last = 0n;
      for (let i = 0; i < 20; i++) {
        const tx = store.begin();
        tx.write(table.number, `d${i}`, doc(`d${i}`, i, { author: "x" }));
        const { ts, durable } = store.commit(tx);
        await durable;
        last = ts;
      }
      // A second connection reads the file as a restart after a crash would: never closed.
      const restarted = new Store(openDatabase(dir, "normal"));
      expect(restarted.latestTs()).toBeGreaterThan(last);
      const tx = restarted.begin();
      tx.write(table.number, "after", doc("after", 99, { author: "y" }));
      expect(restarted.commit(tx).ts).toBeGreaterThan(last);
      restarted.close();
      store.close();
    } finally {
      cleanup();
    }
  });

  test("closing while a background fsync runs leaves it to end quietly", async () => {
    const { dir, cleanup } = tempDir();
    try {
      for (let round = 0; round < 5; round++) {
        const store = new Store(openDatabase(dir, "full"));
        const table = store.catalog.ensureTable("", "messages");
        const tx = store.begin();
        tx.write(table.number, `r${round}`, doc(`r${round}`, round, { author: "x" }));
        const { durable } = store.commit(tx);
        // The batch is written on the next turn and its fsync starts on the thread pool.
        await new Promise((resolve) => setImmediate(resolve));
        store.close();
        await durable;
        // Long enough for the fsync to end after the close; an error there would be uncaught.
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const reopened = new Store(openDatabase(dir, "full"));
      expect(collect(reopened, "by_creation_time", [])).toEqual(["r0", "r1", "r2", "r3", "r4"]);
      reopened.close();
    } finally {
      cleanup();
    }
  });
});
