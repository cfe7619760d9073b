import type { JSONValue, Value } from "convex/values";
import { evaluateFilterExpression } from "./filter.ts";
import { getFieldValue } from "../values/field-path.ts";

/** Default and maximum number of vector search results. */
export const DEFAULT_VECTOR_LIMIT = 10;
export const MAX_VECTOR_LIMIT = 256;

/** The `query` of a `1.0/actions/vectorSearch` syscall plus what the index declares. */
export type VectorSearchRequest = {
  vectorField: string;
  vector: number[];
  limit?: number | undefined;
  /** `q.eq` / `q.or` expression JSON, or null for no filter. */
  expressions?: JSONValue | null | undefined;
  /** When given, the query vector must have this length and filters must use these fields. */
  dimensions?: number | undefined;
  filterFields?: readonly string[] | undefined;
};

export type VectorSearchResult = { _id: string; _score: number };

/**
 * Returns the `limit` documents whose vectors are most similar (cosine
 * similarity, -1..1) to the query vector, best first, among documents that pass
 * the filter. Documents without a numeric vector of the right length are not indexed.
 */
export function vectorSearch(
  docs: Iterable<Record<string, Value | undefined> & { _id: string }>,
  request: VectorSearchRequest,
): VectorSearchResult[] {
  const { vector, limit, filter } = checkVectorRequest(request);
  const queryNorm = norm(vector);
  const results: VectorSearchResult[] = [];
  for (const doc of docs) {
    const candidate = getFieldValue(doc, request.vectorField);
    if (!Array.isArray(candidate) || candidate.length !== vector.length) continue;
    if (!candidate.every((x) => typeof x === "number")) continue;
    if (filter !== null && !evaluateFilterExpression(filter, doc)) continue;
    const values = candidate as number[];
    const denominator = queryNorm * norm(values);
    results.push({
      _id: doc._id,
      _score: denominator === 0 ? 0 : dot(vector, values) / denominator,
    });
  }
  results.sort((a, b) => b._score - a._score);
  return results.slice(0, limit);
}

/** Validates a request as Convex does: the vector, its length, `limit` (1..256) and the filter. */
export function checkVectorRequest(request: VectorSearchRequest): {
  vector: number[];
  limit: number;
  filter: JSONValue | null;
} {
  const { vector } = request;
  if (
    !Array.isArray(vector) ||
    vector.length === 0 ||
    !vector.every((x) => typeof x === "number" && Number.isFinite(x))
  ) {
    throw new Error("`vector` must be a non-empty Array of finite numbers in vectorSearch");
  }
  if (request.dimensions !== undefined && vector.length !== request.dimensions) {
    throw new Error(
      `Vector length ${vector.length} does not match the index's dimensions ${request.dimensions}`,
    );
  }
  const limit = request.limit ?? DEFAULT_VECTOR_LIMIT;
  if (Number.isInteger(limit) && limit > MAX_VECTOR_LIMIT)
    throw new Error(
      `Vector queries can fetch at most ${MAX_VECTOR_LIMIT} results, requested ${limit}.`,
    );
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(
      `Vector search limit must be between 1 and ${MAX_VECTOR_LIMIT} inclusive, got ${limit}`,
    );
  }
  const filter = request.expressions ?? null;
  if (filter !== null) checkVectorFilter(filter, request.filterFields);
  return { vector, limit, filter };
}

/** A checked filter as the `[field, literal JSON]` pairs it accepts (any of them), or null for none. */
export function filterAlternatives(filter: JSONValue | null): Array<[string, JSONValue]> | null {
  if (filter === null) return null;
  const out: Array<[string, JSONValue]> = [];
  const visit = (expr: JSONValue): void => {
    if (!isObject(expr)) return;
    if (Array.isArray(expr.$or)) for (const inner of expr.$or) visit(inner);
    else if (Array.isArray(expr.$eq)) {
      const [fieldExpr, literal] = expr.$eq;
      if (isObject(fieldExpr) && isObject(literal))
        out.push([String(fieldExpr.$field), literal.$literal as JSONValue]);
    }
  };
  visit(filter);
  return out;
}

/** Accepts only what `q.eq(field, value)` and `q.or(...)` produce, on declared filter fields. */
function checkVectorFilter(expr: JSONValue, filterFields: readonly string[] | undefined): void {
  if (typeof expr === "object" && expr !== null && !Array.isArray(expr)) {
    const keys = Object.keys(expr);
    if (keys.length === 1 && keys[0] === "$or" && Array.isArray(expr.$or)) {
      for (const inner of expr.$or) checkVectorFilter(inner, filterFields);
      return;
    }
    if (
      keys.length === 1 &&
      keys[0] === "$eq" &&
      Array.isArray(expr.$eq) &&
      expr.$eq.length === 2
    ) {
      const [fieldExpr, literal] = expr.$eq;
      const field = isObject(fieldExpr) ? fieldExpr.$field : undefined;
      if (typeof field === "string" && isObject(literal) && "$literal" in literal) {
        if (filterFields && !filterFields.includes(field)) {
          throw new Error(`Field "${field}" is not a filter field of this vector index`);
        }
        return;
      }
    }
  }
  throw new Error(
    `Invalid vector search filter: only q.eq on filter fields and q.or are supported, got ${JSON.stringify(expr)}`,
  );
}

function isObject(value: JSONValue | undefined): value is { [key: string]: JSONValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function dot(a: number[], b: number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function norm(a: number[]): number {
  return Math.sqrt(dot(a, a));
}
