import { jsonToConvex, type Value } from "convex/values";
import {
  inverseDocumentFrequency,
  MAX_SEARCH_RESULTS,
  MAX_SEARCH_TERMS,
  type TextSearchQuery,
  termScore,
  tokenize,
} from "../../query/search.ts";
import { getFieldValue } from "../../values/field-path.ts";
import type { DocJson } from "../../storage/index-keys.ts";
import {
  type SearchIndexes,
  type SearchIndexInfo,
  searchReadKey,
  termCounts,
  termRange,
} from "../../storage/search-index.ts";
import type { Transaction } from "../../storage/transaction.ts";

/**
 * Text search through a search index: only documents containing a query term are read. A document
 * matches when its search field contains any query term (the last also as a prefix) and every
 * equality filter holds; results are ranked by BM25 over the whole index, best first, ties oldest
 * first, at most {@link MAX_SEARCH_RESULTS}. The read set is the query's terms plus the documents read.
 */
export function searchIndexed(
  tx: Transaction,
  indexes: SearchIndexes,
  index: SearchIndexInfo,
  query: TextSearchQuery,
): DocJson[] {
  const tokens = tokenize(query.searchText).slice(0, MAX_SEARCH_TERMS);
  const terms = [...new Set(tokens)];
  if (terms.length === 0) return [];
  const prefixTerm = tokens.at(-1)!;
  // Documents this transaction sees differently from the index (its own writes, a snapshot).
  const pending = tx.pendingDocuments(index.tableNumber);
  const pendingCounts = new Map(
    [...pending].map(([id, doc]) => [id, termCounts(doc, index.searchField)] as const),
  );
  const perTerm = terms.map((term) => {
    const prefix = term === prefixTerm;
    tx.readSet.add(searchReadKey(index), termRange(term, prefix));
    const postings = indexes.postings(index, term, prefix);
    for (const [id, counts] of pendingCounts) {
      postings.delete(id);
      let count = counts?.counts.get(term) ?? 0;
      if (prefix)
        for (const [token, n] of counts?.counts ?? [])
          if (token !== term && token.startsWith(term)) count += n;
      if (count > 0) postings.set(id, count);
    }
    return postings;
  });
  const stats = indexes.stats(index);
  const averageLength = stats.documents > 0 ? stats.tokens / stats.documents || 1 : 1;
  const idf = perTerm.map((postings) => inverseDocumentFrequency(stats.documents, postings.size));

  const results: Array<{ doc: DocJson; score: number }> = [];
  for (const id of new Set(perTerm.flatMap((postings) => [...postings.keys()]))) {
    const doc = tx.get(index.tableNumber, id);
    if (!doc) continue;
    const value = jsonToConvex(doc) as Record<string, Value>;
    const filtered = query.equalities.every(
      (eq) => JSON.stringify(getFieldValue(value, eq.fieldPath)) === JSON.stringify(eq.value),
    );
    if (!filtered) continue;
    const length = termCounts(doc, index.searchField)?.length ?? 0;
    let score = 0;
    perTerm.forEach((postings, i) => {
      score += termScore(idf[i]!, postings.get(id) ?? 0, length, averageLength);
    });
    if (score > 0) results.push({ doc, score });
  }
  results.sort((a, b) => b.score - a.score || a.doc._creationTime - b.doc._creationTime);
  return results.slice(0, MAX_SEARCH_RESULTS).map((r) => r.doc);
}
