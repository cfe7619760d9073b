import { DatabaseSync } from "node:sqlite";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../../test/helpers.ts";
import { encodeDocumentId, newInternalId } from "../ids/document-id.ts";
import { Catalog } from "./catalog.ts";
import { countDocuments } from "./committed-documents.ts";
import { type DocJson, indexKey, keyRangeFor } from "./index-keys.ts";
import { LAYOUT_VERSION } from "./layout.ts";
import { SessionRequests } from "./session-requests.ts";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";

/** The catalog tables, the same in every layout so far. */
const CATALOG = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tables (
  number INTEGER PRIMARY KEY,
  component TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (component, name)
);
CREATE TABLE indexes (
  id INTEGER PRIMARY KEY,
  table_number INTEGER NOT NULL,
  name TEXT NOT NULL,
  fields TEXT NOT NULL,
  UNIQUE (table_number, name)
);
`;

/** Index entries as layouts 1 to 3 kept them, with their document's id in a column of its own. */
const INDEX_ENTRIES_WITH_DOC_ID = `CREATE TABLE index_entries (
  index_id INTEGER NOT NULL,
  key BLOB NOT NULL,
  doc_id TEXT NOT NULL,
  PRIMARY KEY (index_id, key)
) WITHOUT ROWID;`;

/** The tables of layout 1 whose shape changed, as data files before layout versions hold them. */
const LAYOUT_1 = `${CATALOG}
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  table_number INTEGER NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX documents_by_table ON documents (table_number);
${INDEX_ENTRIES_WITH_DOC_ID}
CREATE TABLE session_requests (
  session_id TEXT NOT NULL,
  request_id INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  ts TEXT NOT NULL,
  PRIMARY KEY (session_id, request_id)
);
`;

/** Layout 3, as the store wrote it before index entries lost their `doc_id` column. */
const LAYOUT_3 = `${CATALOG}
INSERT INTO meta (key, value) VALUES ('layout', '3');
CREATE TABLE documents (
  table_number INTEGER NOT NULL,
  id TEXT NOT NULL,
  json TEXT NOT NULL,
  PRIMARY KEY (table_number, id)
) WITHOUT ROWID;
${INDEX_ENTRIES_WITH_DOC_ID}
CREATE TABLE session_requests (
  session_id TEXT NOT NULL,
  request_id INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  ts TEXT NOT NULL,
  PRIMARY KEY (session_id, request_id)
) WITHOUT ROWID;
`;

const path = (dir: string) => join(dir, "convex-local.sqlite3");

/** Writes a file of an older layout as the store of that layout did: documents, their index entries, a session outcome. */
function writeLayout(dir: string, ddl: string): { messages: DocJson[]; users: DocJson[] } {
  const db = new DatabaseSync(path(dir));
  db.exec(ddl);
  db.exec("BEGIN");
  const catalog = new Catalog(db);
  const messagesTable = catalog.ensureTable("", "messages");
  catalog.createIndex(messagesTable.number, "by_author", ["author"]);
  const usersTable = catalog.ensureTable("component", "users");
  const insertDoc = db.prepare("INSERT INTO documents (id, table_number, json) VALUES (?, ?, ?)");
  const insertEntry = db.prepare(
    "INSERT INTO index_entries (index_id, key, doc_id) VALUES (?, ?, ?)",
  );
  const write = (tableNumber: number, fields: (i: number) => Record<string, string>) =>
    Array.from({ length: 300 }, (_, i) => {
      const doc: DocJson = {
        _id: encodeDocumentId(tableNumber, newInternalId()),
        _creationTime: 1_700_000_000_000 + i,
        ...fields(i),
      };
      insertDoc.run(doc._id, tableNumber, JSON.stringify(doc));
      for (const index of catalog.indexes(tableNumber))
        if (ddl === LAYOUT_1 || index.name !== "by_id")
          insertEntry.run(index.id, indexKey(index, doc), doc._id);
      return doc;
    });
  const messages = write(messagesTable.number, (i) => ({ author: `a${i % 7}`, body: `${i}` }));
  const users = write(usersTable.number, (i) => ({ name: `u${i}` }));
  db.prepare(
    "INSERT INTO session_requests (session_id, request_id, outcome, ts) VALUES (?, ?, ?, ?)",
  ).run("session-1", 4, '{"status":"success"}', "1700000000000000000");
  db.prepare("INSERT INTO meta (key, value) VALUES ('ts', ?)").run("1700000000000000000");
  db.exec("COMMIT");
  db.close();
  return { messages, users };
}

function scan(store: Store, component: string, table: string, indexName: string): string[] {
  const info = store.catalog.table(component, table)!;
  const index = store.catalog.index(info.number, indexName)!;
  const tx = store.begin();
  const stream = tx.openStream(index, keyRangeFor(index, []), "asc");
  const ids: string[] = [];
  for (let d = tx.next(stream); d; d = tx.next(stream)) ids.push(d._id);
  store.release(tx);
  return ids;
}

function expectIntact(store: Store, written: { messages: DocJson[]; users: DocJson[] }) {
  for (const doc of [...written.messages, ...written.users])
    expect(store.committedDocument(doc._id)).toEqual(doc);
  const byCreation = (docs: DocJson[]) =>
    [...docs].sort((a, b) => a._creationTime - b._creationTime).map((d) => d._id);
  expect(scan(store, "", "messages", "by_creation_time")).toEqual(byCreation(written.messages));
  expect(scan(store, "component", "users", "by_creation_time")).toEqual(byCreation(written.users));
  expect(scan(store, "", "messages", "by_id")).toEqual(written.messages.map((d) => d._id).sort());
  const byAuthor = [...written.messages]
    .sort((a, b) =>
      a.author === b.author
        ? a._creationTime - b._creationTime
        : String(a.author) < String(b.author)
          ? -1
          : 1,
    )
    .map((d) => d._id);
  expect(scan(store, "", "messages", "by_author")).toEqual(byAuthor);
  const messages = store.catalog.table("", "messages")!;
  expect(countDocuments(store.db, messages.number)).toBe(300);
  const tx = store.begin();
  expect(tx.get(messages.number, written.messages[5]!._id)).toEqual(written.messages[5]);
  store.release(tx);
  const layout = store.db.prepare("SELECT value FROM meta WHERE key = 'layout'").get();
  expect(Number(layout!.value)).toBe(LAYOUT_VERSION);
  const columns = store.db
    .prepare("SELECT name FROM pragma_table_info('index_entries')")
    .all()
    .map((r) => String(r.name));
  expect(columns).toEqual(["index_id", "key"]);
  expect(new SessionRequests(store.db).get("session-1", 4)).toEqual({
    outcome: '{"status":"success"}',
    ts: 1700000000000000000n,
  });
}

describe("data file layout", () => {
  test("a file of layout 1 is moved to the current layout at open with every document, index entry and session outcome intact (by_id answered by the documents)", () => {
    const { dir, cleanup } = tempDir();
    try {
      const written = writeLayout(dir, LAYOUT_1);
      const store = new Store(openDatabase(dir));
      expectIntact(store, written);
      const ddl = store.db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE tbl_name IN ('documents', 'session_requests')",
        )
        .all()
        .map((r) => [String(r.name), String(r.sql)]);
      expect(ddl.map(([name]) => name).sort()).toEqual(["documents", "session_requests"]);
      for (const [, sql] of ddl) expect(sql).toContain("WITHOUT ROWID");
      const byIdEntries = store.db
        .prepare(
          "SELECT COUNT(*) AS n FROM index_entries WHERE index_id IN (SELECT id FROM indexes WHERE name = 'by_id')",
        )
        .get()!;
      expect(Number(byIdEntries.n)).toBe(0);

      // Writes after the move, then an open that finds nothing left to move.
      const messages = store.catalog.table("", "messages")!;
      const added: DocJson = {
        _id: encodeDocumentId(messages.number, newInternalId()),
        _creationTime: 1_800_000_000_000,
        author: "a0",
        body: "after",
      };
      const patched = { ...written.messages[0]!, body: "patched" };
      const tx = store.begin();
      tx.write(messages.number, added._id, added);
      tx.write(messages.number, patched._id, patched);
      tx.write(messages.number, written.messages[1]!._id, null);
      store.commit(tx);
      store.close();

      const reopened = new Store(openDatabase(dir));
      expect(reopened.committedDocument(added._id)).toEqual(added);
      expect(reopened.committedDocument(patched._id)).toEqual(patched);
      expect(reopened.committedDocument(written.messages[1]!._id)).toBeNull();
      expect(countDocuments(reopened.db, messages.number)).toBe(300);
      reopened.close();
    } finally {
      cleanup();
    }
  });

  test("a file of layout 3 gets index entries without the duplicated document id at open, every document, index range and session outcome intact", () => {
    const { dir, cleanup } = tempDir();
    try {
      const written = writeLayout(dir, LAYOUT_3);
      const store = new Store(openDatabase(dir));
      expectIntact(store, written);
      // A range on an index after the move: one author's messages in creation order.
      const messages = store.catalog.table("", "messages")!;
      const byAuthor = store.catalog.index(messages.number, "by_author")!;
      const tx = store.begin();
      const stream = tx.openStream(
        byAuthor,
        keyRangeFor(byAuthor, [{ type: "Eq", fieldPath: "author", value: "a3" }]),
        "desc",
      );
      const ids: string[] = [];
      for (let d = tx.next(stream); d; d = tx.next(stream)) ids.push(d._id);
      store.release(tx);
      expect(ids).toEqual(
        written.messages
          .filter((d) => d.author === "a3")
          .map((d) => d._id)
          .reverse(),
      );
      store.close();
      const reopened = new Store(openDatabase(dir));
      expectIntact(reopened, written);
      reopened.close();
    } finally {
      cleanup();
    }
  });

  test("a move that fails part way leaves the layout-1 file as it was, and the next open completes it", () => {
    const { dir, cleanup } = tempDir();
    try {
      const written = writeLayout(dir, LAYOUT_1);
      const raw = new DatabaseSync(path(dir));
      // A table in the way of the copy makes the move fail after it has begun.
      raw.exec("CREATE TABLE session_requests_layout2 (x)");
      raw.close();
      expect(() => openDatabase(dir)).toThrow(/session_requests_layout2 already exists/);

      const after = new DatabaseSync(path(dir));
      expect(after.prepare("SELECT value FROM meta WHERE key = 'layout'").get()).toBeUndefined();
      expect(
        String(after.prepare("SELECT sql FROM sqlite_schema WHERE name = 'documents'").get()!.sql),
      ).not.toContain("WITHOUT ROWID");
      expect(Number(after.prepare("SELECT COUNT(*) AS n FROM documents").get()!.n)).toBe(600);
      after.exec("DROP TABLE session_requests_layout2");
      after.close();

      const store = new Store(openDatabase(dir));
      expectIntact(store, written);
      store.close();
    } finally {
      cleanup();
    }
  });

  test("a file of a newer layout is refused with a clear error, untouched", () => {
    const { dir, cleanup } = tempDir();
    try {
      openDatabase(dir).close();
      const raw = new DatabaseSync(path(dir));
      raw.exec("UPDATE meta SET value = '99' WHERE key = 'layout'");
      raw.close();
      expect(() => openDatabase(dir)).toThrow(
        `The data file has layout version 99, which this convex-local cannot read (it reads versions 1 to ${LAYOUT_VERSION}); it was written by a newer convex-local or is damaged.`,
      );
    } finally {
      cleanup();
    }
  });
});
