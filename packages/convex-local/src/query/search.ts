import type { JSONValue, Value } from "convex/values";
import { jsonToConvexOrUndefined } from "../values/codec.ts";
import { compareValues } from "../values/compare.ts";
import { getFieldValue } from "../values/field-path.ts";

/** Convex returns at most this many documents from one search query. */
export const MAX_SEARCH_RESULTS = 1024;
/** Query terms beyond this many are ignored. */
export const MAX_SEARCH_TERMS = 16;
/** Filter fields a search query may constrain with equality. */
const MAX_SEARCH_FILTERS = 8;
/** Tokens of this many UTF-8 bytes or more are dropped, from documents and queries alike. */
const MAX_TEXT_TERM_LENGTH = 32;

// Runs of Rust's `char::is_alphanumeric` (alphabetic or numeric), as tantivy's SimpleTokenizer splits.
const WORD = /[\p{Alphabetic}\p{N}]+/gu;
const utf8 = new TextEncoder();

const K1 = 1.2;
const B = 0.75;

/** A parsed `{type:"Search", indexName, filters}` query source. */
export type TextSearchQuery = {
  searchField: string;
  searchText: string;
  equalities: { fieldPath: string; value: Value | undefined }[];
};

type TextSearchResult<D> = { doc: D; score: number };

/**
 * The backend's analyzer: split on every character that is not alphabetic or
 * numeric, drop tokens of 32 UTF-8 bytes or more, then lowercase.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [word] of text.matchAll(WORD)) {
    if (utf8.encode(word).length < MAX_TEXT_TERM_LENGTH) tokens.push(word.toLowerCase());
  }
  return tokens;
}

/**
 * Parses the wire `filters` of a Search source: exactly one
 * `{type:"Search", fieldPath, value}` and any `{type:"Eq", fieldPath, value}`.
 */
export function parseSearchFilters(
  filters: readonly { type: string; fieldPath: string; value: JSONValue }[],
): TextSearchQuery {
  const searches = filters.filter((filter) => filter.type === "Search");
  if (searches.length !== 1)
    throw new Error("A search query must contain exactly one `.search(field, text)` expression");
  const [search] = searches;
  if (typeof search!.value !== "string") throw new Error("Search text must be a string");
  const equalities = filters
    .filter((filter) => filter.type !== "Search")
    .map((filter) => {
      if (filter.type !== "Eq") throw new Error(`Invalid search filter type ${filter.type}`);
      return { fieldPath: filter.fieldPath, value: jsonToConvexOrUndefined(filter.value) };
    });
  if (equalities.length > MAX_SEARCH_FILTERS) {
    throw new Error(
      `Search query has too many filter expressions (${equalities.length} > maximum ${MAX_SEARCH_FILTERS})`,
    );
  }
  return { searchField: search!.fieldPath, searchText: search!.value, equalities };
}

/** BM25's weight of a term found in `containing` of `documents` documents. */
export function inverseDocumentFrequency(documents: number, containing: number): number {
  return Math.log(1 + (Math.max(documents, containing) - containing + 0.5) / (containing + 0.5));
}

/** BM25's score of one term occurring `tf` times in a document of `length` tokens. */
export function termScore(idf: number, tf: number, length: number, averageLength: number): number {
  if (tf === 0) return 0;
  return (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
}

/**
 * Full text search over a table's documents. A document matches when its search
 * field contains any query term (the last term also matches as a prefix) and every
 * equality filter holds. Results are ordered by BM25 relevance, best first, at most
 * {@link MAX_SEARCH_RESULTS}; ties keep the input order.
 */
export function textSearch<D extends Record<string, Value | undefined>>(
  docs: Iterable<D>,
  query: TextSearchQuery,
  limit = MAX_SEARCH_RESULTS,
): TextSearchResult<D>[] {
  const terms = [...new Set(tokenize(query.searchText).slice(0, MAX_SEARCH_TERMS))];
  if (terms.length === 0) return [];
  const prefixTerm = tokenize(query.searchText).slice(0, MAX_SEARCH_TERMS).at(-1)!;

  const indexed: { doc: D; counts: Map<string, number>; length: number }[] = [];
  let totalLength = 0;
  for (const doc of docs) {
    const text = getFieldValue(doc, query.searchField);
    if (typeof text !== "string") continue;
    const tokens = tokenize(text);
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    indexed.push({ doc, counts, length: tokens.length });
    totalLength += tokens.length;
  }
  if (indexed.length === 0) return [];
  const averageLength = totalLength / indexed.length || 1;

  // Per query term, how often each document contains it; the prefix term counts any extension.
  const frequencies = terms.map((term) =>
    indexed.map(({ counts }) => {
      let count = counts.get(term) ?? 0;
      if (term === prefixTerm) {
        for (const [token, n] of counts) if (token !== term && token.startsWith(term)) count += n;
      }
      return count;
    }),
  );
  const idf = frequencies.map((perDoc) =>
    inverseDocumentFrequency(indexed.length, perDoc.filter((count) => count > 0).length),
  );

  const results: TextSearchResult<D>[] = [];
  indexed.forEach(({ doc, length }, docIndex) => {
    if (
      !query.equalities.every(
        ({ fieldPath, value }) => compareValues(getFieldValue(doc, fieldPath), value) === 0,
      )
    )
      return;
    let score = 0;
    frequencies.forEach((perDoc, termIndex) => {
      score += termScore(idf[termIndex]!, perDoc[docIndex]!, length, averageLength);
    });
    if (score > 0) results.push({ doc, score });
  });
  // Array.prototype.sort is stable, so equal scores keep input order.
  results.sort((a, b) => b.score - a.score);
  return results.slice(0, Math.min(limit, MAX_SEARCH_RESULTS));
}
