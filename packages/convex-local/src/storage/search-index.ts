import type { DatabaseSync, StatementSync } from "node:sqlite";
import { tokenize } from "../query/search.ts";
import { type DocJson, fieldValue } from "./index-keys.ts";
import type { KeyRange } from "./key-range.ts";
import type { WrittenKeys } from "./read-set.ts";
import { SearchStatistics, type SearchStats } from "./search-stats.ts";

export type SearchIndexInfo = {
  id: number;
  tableNumber: number;
  name: string;
  searchField: string;
  filterFields: string[];
};

const utf8 = new TextEncoder();
/** The greatest code point: every token with prefix p sorts below p + U+10FFFF. */
const LAST_CHAR = "\u{10FFFF}";

/**
 * Read sets and commits name a search index's terms under the negated index id, so they never
 * collide with a database index's keys.
 */
export function searchReadKey(index: SearchIndexInfo): number {
  return -index.id;
}

/** The read-set range of one query term: the exact term, or every term it prefixes. */
export function termRange(term: string, prefix: boolean): KeyRange {
  const lo = utf8.encode(term);
  const hi = prefix ? utf8.encode(term + LAST_CHAR) : utf8.encode(term + "\u0000");
  return { lo, hi };
}

function searchText(doc: DocJson | null, field: string): string | null {
  const value = doc ? fieldValue(doc, field) : undefined;
  return typeof value === "string" ? value : null;
}

/** How often each token occurs in the document's search field, and its token count. */
export function termCounts(
  doc: DocJson | null,
  field: string,
): { counts: Map<string, number>; length: number } | null {
  const text = searchText(doc, field);
  if (text === null) return null;
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return { counts, length: tokens.length };
}

/** Text search indexes: an inverted index (term → documents) per index, maintained on every commit. */
export class SearchIndexes {
  private readonly db: DatabaseSync;
  private readonly byTable = new Map<number, SearchIndexInfo[]>();
  private readonly insertPosting: StatementSync;
  private readonly deletePosting: StatementSync;
  readonly statistics: SearchStatistics;
  private readonly exact: StatementSync;
  private readonly prefixed: StatementSync;

  /** `statisticsSaveMs`: how often the statistics are stored (see {@link SearchStatistics}). */
  constructor(db: DatabaseSync, statisticsSaveMs?: number) {
    this.db = db;
    for (const row of db
      .prepare("SELECT id, table_number, name, search_field, filter_fields FROM search_indexes")
      .all()) {
      this.remember({
        id: Number(row.id),
        tableNumber: Number(row.table_number),
        name: String(row.name),
        searchField: String(row.search_field),
        filterFields: JSON.parse(String(row.filter_fields)) as string[],
      });
    }
    this.insertPosting = db.prepare(
      "INSERT INTO search_terms (index_id, term, doc_id, count) VALUES (?, ?, ?, ?)",
    );
    this.deletePosting = db.prepare(
      "DELETE FROM search_terms WHERE index_id = ? AND term = ? AND doc_id = ?",
    );
    this.statistics = new SearchStatistics(db, (id) => this.recount(id), statisticsSaveMs);
    this.exact = db.prepare(
      "SELECT doc_id, count FROM search_terms WHERE index_id = ? AND term = ?",
    );
    this.prefixed = db.prepare(
      "SELECT doc_id, count FROM search_terms WHERE index_id = ? AND term >= ? AND term < ?",
    );
  }

  forTable(tableNumber: number): SearchIndexInfo[] {
    return this.byTable.get(tableNumber) ?? [];
  }

  find(tableNumber: number, name: string): SearchIndexInfo | undefined {
    return this.forTable(tableNumber).find((i) => i.name === name);
  }

  /** Creates the index (dropping a differently defined one of that name) and indexes the table. */
  ensure(
    tableNumber: number,
    name: string,
    searchField: string,
    filterFields: string[],
  ): SearchIndexInfo {
    const existing = this.find(tableNumber, name);
    if (
      existing &&
      existing.searchField === searchField &&
      JSON.stringify(existing.filterFields) === JSON.stringify(filterFields)
    )
      return existing;
    if (existing) this.drop(existing);
    const result = this.db
      .prepare(
        "INSERT INTO search_indexes (table_number, name, search_field, filter_fields, documents, tokens) VALUES (?, ?, ?, ?, 0, 0)",
      )
      .run(tableNumber, name, searchField, JSON.stringify(filterFields));
    const index = {
      id: Number(result.lastInsertRowid),
      tableNumber,
      name,
      searchField,
      filterFields,
    };
    this.remember(index);
    const documents = this.db
      .prepare("SELECT id, json FROM documents WHERE table_number = ?")
      .iterate(tableNumber);
    for (const row of documents)
      this.index(index, String(row.id), null, JSON.parse(String(row.json)) as DocJson, null);
    this.statistics.markChanged();
    this.statistics.applied();
    this.statistics.save(true);
    return index;
  }

  drop(index: SearchIndexInfo): void {
    this.db.prepare("DELETE FROM search_terms WHERE index_id = ?").run(index.id);
    this.db.prepare("DELETE FROM search_indexes WHERE id = ?").run(index.id);
    this.statistics.forget(index.id);
    this.byTable.set(
      index.tableNumber,
      this.forTable(index.tableNumber).filter((i) => i.id !== index.id),
    );
  }

  /**
   * Moves one document's postings from its `before` to its `after` text; records every term either
   * version has as written, so searches for them (and filter changes) invalidate.
   */
  index(
    index: SearchIndexInfo,
    docId: string,
    before: DocJson | null,
    after: DocJson | null,
    written: WrittenKeys | null,
  ): void {
    const old = termCounts(before, index.searchField);
    const next = termCounts(after, index.searchField);
    if (written) {
      const keys = written.get(searchReadKey(index)) ?? [];
      for (const term of old?.counts.keys() ?? []) keys.push(utf8.encode(term));
      for (const term of next?.counts.keys() ?? []) keys.push(utf8.encode(term));
      written.set(searchReadKey(index), keys);
    }
    if (searchText(before, index.searchField) === searchText(after, index.searchField)) return;
    if (old) {
      for (const term of old.counts.keys()) this.deletePosting.run(index.id, term, docId);
      this.statistics.add(index.id, -1, -old.length);
    }
    if (next) {
      for (const [term, count] of next.counts) this.insertPosting.run(index.id, term, docId, count);
      this.statistics.add(index.id, 1, next.length);
    }
  }

  /** Documents containing `term` (or, for a prefix, any term it starts), with occurrence counts. */
  postings(index: SearchIndexInfo, term: string, prefix: boolean): Map<string, number> {
    const rows = prefix
      ? this.prefixed.all(index.id, term, term + LAST_CHAR)
      : this.exact.all(index.id, term);
    const out = new Map<string, number>();
    for (const row of rows) {
      const id = String(row.doc_id);
      out.set(id, (out.get(id) ?? 0) + Number(row.count));
    }
    return out;
  }

  stats(index: SearchIndexInfo): SearchStats {
    return this.statistics.get(index.id);
  }

  /** An index's statistics from its postings (tokens) and its table's documents (those it counts). */
  private recount(indexId: number): SearchStats {
    const index = [...this.byTable.values()].flat().find((i) => i.id === indexId)!;
    const tokens = this.db
      .prepare("SELECT COALESCE(SUM(count), 0) AS n FROM search_terms WHERE index_id = ?")
      .get(indexId)!;
    let documents = 0;
    for (const row of this.db
      .prepare("SELECT json FROM documents WHERE table_number = ?")
      .iterate(index.tableNumber)) {
      const doc = JSON.parse(String(row.json)) as DocJson;
      if (searchText(doc, index.searchField) !== null) documents++;
    }
    return { documents, tokens: Number(tokens.n) };
  }

  private remember(index: SearchIndexInfo): void {
    const list = this.byTable.get(index.tableNumber) ?? [];
    list.push(index);
    this.byTable.set(index.tableNumber, list);
  }
}
