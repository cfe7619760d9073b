import { jsonToConvex } from "convex/values";
import { evaluateFilterExpression } from "../../query/filter.ts";
import { parseSearchFilters } from "../../query/search.ts";
import type { TableInfo } from "../../storage/catalog.ts";
import { type DocJson, keyRangeFor, type RangeExpression } from "../../storage/index-keys.ts";
import { type KeyRange, keySuccessor } from "../../storage/key-range.ts";
import type { Transaction } from "../../storage/transaction.ts";
import { FunctionError } from "../errors/errors.ts";
import type { Frame, QueryState } from "../execution/frame.ts";
import { tableByName, txOf } from "./db-syscalls.ts";
import { decodePageCursor, encodePageCursor, END_CURSOR } from "./page-cursor.ts";
import { searchIndexed } from "./text-search.ts";

type SerializedQuery = {
  source:
    | { type: "FullTableScan"; tableName: string; order: "asc" | "desc" | null }
    | {
        type: "IndexRange";
        indexName: string;
        range: RangeExpression[];
        order: "asc" | "desc" | null;
      }
    | { type: "Search"; indexName: string; filters: unknown[] };
  operators: Array<{ filter?: unknown; limit?: number }>;
};

type PlannedScan = { table: TableInfo; indexName: string; range: KeyRange; order: "asc" | "desc" };

function planQuery(frame: Frame, query: SerializedQuery): PlannedScan {
  const source = query.source;
  if (source.type === "FullTableScan") {
    const table = tableByName(frame, source.tableName);
    return {
      table,
      indexName: "by_creation_time",
      range: { lo: new Uint8Array(0), hi: null },
      order: source.order ?? "asc",
    };
  }
  if (source.type === "IndexRange") {
    const dot = source.indexName.indexOf(".");
    const tableName = source.indexName.slice(0, dot);
    const indexName = source.indexName.slice(dot + 1);
    const table = tableByName(frame, tableName);
    const index = frame.host.store.catalog.index(table.number, indexName);
    if (!index) throw indexMissing(frame, source.indexName, "stagedDbIndexes", "Index");
    return {
      table,
      indexName,
      range: keyRangeFor(index, source.range),
      order: source.order ?? "asc",
    };
  }
  throw new Error(`Unsupported query source ${(source as { type: string }).type}`);
}

function runSearch(
  frame: Frame,
  source: Extract<SerializedQuery["source"], { type: "Search" }>,
): DocJson[] {
  const dot = source.indexName.indexOf(".");
  const tableName = source.indexName.slice(0, dot);
  const indexName = source.indexName.slice(dot + 1);
  const schemaIndex = frame.host.registry
    .schemaTables(frame.component)
    .find((t) => t.tableName === tableName)
    ?.searchIndexes?.find((i) => i.indexDescriptor === indexName);
  if (!schemaIndex)
    throw indexMissing(frame, source.indexName, "stagedSearchIndexes", "Search index");
  const query = parseSearchFilters(source.filters as never);
  if (query.searchField !== schemaIndex.searchField) {
    throw new FunctionError(
      `Search query against ${source.indexName} contains a search field "${query.searchField}" that is not the index's search field "${schemaIndex.searchField}".`,
    );
  }
  for (const eq of query.equalities) {
    if (!schemaIndex.filterFields.includes(eq.fieldPath)) {
      throw new FunctionError(
        `Search query against ${source.indexName} contains a filter on "${eq.fieldPath}", which is not one of the index's filter fields.`,
      );
    }
  }
  const table = tableByName(frame, tableName);
  const indexes = frame.host.store.searchIndexes;
  const index = indexes.find(table.number, indexName);
  if (!index) throw new FunctionError(`Search index ${source.indexName} not found.`);
  return searchIndexed(txOf(frame), indexes, index, query);
}

/** Convex's texts for an index a query names: staged (declared, not yet enabled) or unknown. */
export function indexMissing(
  frame: Frame,
  fullName: string,
  staged: "stagedDbIndexes" | "stagedSearchIndexes" | "stagedVectorIndexes",
  kind: string,
): FunctionError {
  const dot = fullName.indexOf(".");
  const isStaged = frame.host.registry
    .schemaTables(frame.component)
    .find((t) => t.tableName === fullName.slice(0, dot))
    ?.[staged]?.some((i) => i.indexDescriptor === fullName.slice(dot + 1));
  return new FunctionError(
    isStaged
      ? `Index ${fullName} is currently staged and not available to query until it is enabled.`
      : `${kind} ${fullName} not found.`,
  );
}

export function queryStream(frame: Frame, args: { query: SerializedQuery }): { queryId: number } {
  const tx = txOf(frame);
  const source = args.query.source;
  if (source.type === "Search") {
    const queryId = frame.nextQueryId.value++;
    const results = runSearch(frame, source);
    (frame.queries ??= new Map()).set(queryId, {
      streamId: -1,
      results,
      operators: args.query.operators,
      counters: args.query.operators.map(() => 0),
      ended: false,
    });
    return { queryId };
  }
  const plan = planQuery(frame, args.query);
  const index = frame.host.store.catalog.index(plan.table.number, plan.indexName)!;
  const streamId = tx.openStream(index, plan.range, plan.order);
  const queryId = frame.nextQueryId.value++;
  (frame.queries ??= new Map()).set(queryId, {
    streamId,
    operators: args.query.operators,
    counters: args.query.operators.map(() => 0),
    ended: false,
  });
  return { queryId };
}

/** Pulls documents through the query's filter and limit operators, in order. */
function nextMatch(tx: Transaction, q: QueryState): DocJson | null {
  for (;;) {
    if (q.ended) return null;
    const doc = q.results
      ? ((q.results.shift() as DocJson | undefined) ?? null)
      : tx.next(q.streamId);
    if (!doc) {
      q.ended = true;
      return null;
    }
    let keep = true;
    for (let i = 0; i < q.operators.length && keep; i++) {
      const op = q.operators[i]!;
      if (op.limit !== undefined) {
        if (q.counters[i]! >= op.limit) {
          q.ended = true;
          return null;
        }
        q.counters[i]!++;
      } else if (op.filter !== undefined) {
        keep = evaluateFilterExpression(op.filter as never, jsonToConvex(doc) as never);
      }
    }
    if (keep) return doc;
  }
}

export function queryStreamNext(
  frame: Frame,
  args: { queryId: number },
): { value: DocJson | null; done: boolean } {
  const tx = txOf(frame);
  const q = frame.queries?.get(args.queryId);
  if (!q) throw new Error(`Unknown query ${args.queryId}`);
  if (limitReached(q)) q.ended = true;
  const doc = nextMatch(tx, q);
  return doc ? { value: doc, done: false } : { value: null, done: true };
}

/** A limit operator that has let its last document through ends the query without reading more. */
function limitReached(q: QueryState): boolean {
  return q.operators.some(
    (op, i) => op.limit !== undefined && q.counters[i]! >= op.limit && isLastLimit(q, i),
  );
}

function isLastLimit(q: QueryState, i: number): boolean {
  return q.operators.slice(i + 1).every((op) => op.limit === undefined && op.filter === undefined);
}

export function queryCleanup(frame: Frame, args: { queryId: number }): boolean {
  const q = frame.queries?.get(args.queryId);
  if (q) {
    if (!q.results) frame.tx?.closeStream(q.streamId);
    frame.queries!.delete(args.queryId);
  }
  return true;
}

type PageArgs = {
  query: SerializedQuery;
  cursor: string | null;
  endCursor: string | null;
  pageSize: number;
  maximumRowsRead: number | null;
};

export function queryPage(frame: Frame, args: PageArgs) {
  const tx = txOf(frame);
  if (frame.paginated.value) {
    throw new FunctionError(
      "This query or mutation function ran multiple paginated queries. Convex only supports a single paginated query in each function.",
    );
  }
  frame.paginated.value = true;
  if (args.query.source.type === "Search") return searchPage(frame, args, args.query.source);
  const plan = planQuery(frame, args.query);
  const index = frame.host.store.catalog.index(plan.table.number, plan.indexName)!;
  const range = { ...plan.range };
  const endCursor = args.endCursor ?? frame.journalEndCursor ?? null;
  const start = args.cursor === null ? null : decodePageCursor(args.cursor);
  const end = endCursor === null ? null : decodePageCursor(endCursor);
  if (start === END_CURSOR)
    return {
      page: [],
      isDone: true,
      continueCursor: endCursorString(),
      splitCursor: null,
      pageStatus: null,
    };
  if (start) {
    if (plan.order === "asc") range.lo = keySuccessor(start);
    else range.hi = start;
  }
  if (end && end !== END_CURSOR) {
    if (plan.order === "asc") range.hi = keySuccessor(end);
    else range.lo = end;
  }
  const streamId = tx.openStream(index, range, plan.order);
  const q: QueryState = {
    streamId,
    operators: args.query.operators,
    counters: args.query.operators.map(() => 0),
    ended: false,
  };
  const page: DocJson[] = [];
  const positions: Uint8Array[] = [];
  let rowsRead = 0;
  const bounded = end !== null;
  while (bounded || page.length < args.pageSize) {
    if (args.maximumRowsRead !== null && rowsRead >= args.maximumRowsRead) break;
    const doc = nextMatch(tx, q);
    rowsRead++;
    if (!doc) break;
    page.push(doc);
    positions.push(tx.streamPosition(streamId).last!);
  }
  const position = tx.streamPosition(streamId);
  tx.closeStream(streamId);
  const exhausted = q.ended && position.done;
  let continueCursor: string;
  if (end) continueCursor = endCursor!;
  else if (exhausted) continueCursor = endCursorString();
  else
    continueCursor = position.last
      ? encodePageCursor(position.last)
      : (args.cursor ?? endCursorString());
  const isDone = exhausted && (end === null || end === END_CURSOR);
  frame.pageEnd = continueCursor;
  // Where the client may cut a page that has grown, so both halves stay small and gapless.
  const splitCursor =
    page.length >= 2 ? encodePageCursor(positions[Math.floor(page.length / 2) - 1]!) : null;
  const pageStatus = page.length > 2 * args.pageSize ? "SplitRecommended" : null;
  return { page, isDone, continueCursor, splitCursor, pageStatus };
}

/** Search results have no index position; their cursors are offsets into the relevance order. */
function searchPage(
  frame: Frame,
  args: PageArgs,
  source: Extract<SerializedQuery["source"], { type: "Search" }>,
) {
  const results = runSearch(frame, source);
  const offset = args.cursor ? Number(/^search:(\d+)$/.exec(args.cursor)?.[1] ?? NaN) : 0;
  if (Number.isNaN(offset)) throw new Error("InvalidCursor: the pagination cursor is malformed.");
  const end = args.endCursor
    ? Number(/^search:(\d+)$/.exec(args.endCursor)?.[1] ?? results.length)
    : undefined;
  const q: QueryState = {
    streamId: -1,
    results: results.slice(offset, end),
    operators: args.query.operators,
    counters: args.query.operators.map(() => 0),
    ended: false,
  };
  const page: DocJson[] = [];
  let consumed = offset;
  let exhausted = false;
  while (end !== undefined || page.length < args.pageSize) {
    const before = q.results!.length;
    const doc = nextMatch(txOf(frame), q);
    consumed += before - q.results!.length;
    if (!doc) {
      exhausted = true;
      break;
    }
    page.push(doc);
  }
  // Like an index page, a full page is not done even if nothing follows: the next, empty one is.
  const isDone = exhausted && (end === undefined || end >= results.length);
  return {
    page,
    isDone,
    continueCursor: `search:${consumed}`,
    splitCursor: null,
    pageStatus: null,
  };
}

function endCursorString(): string {
  return encodePageCursor(END_CURSOR);
}

export function count(frame: Frame, args: { table: string }): number {
  const tx = txOf(frame);
  const table = tableByName(frame, args.table);
  const index = frame.host.store.catalog.index(table.number, "by_creation_time")!;
  const streamId = tx.openStream(index, { lo: new Uint8Array(0), hi: null }, "asc");
  let n = 0;
  while (tx.next(streamId)) n++;
  tx.closeStream(streamId);
  return n;
}
