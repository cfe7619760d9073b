import { jsonToConvex, type JSONValue, type Value } from "convex/values";
import { vectorSearch } from "../query/vector.ts";
import { scanTable } from "./db-syscalls.ts";
import { FunctionError } from "./errors.ts";
import { type Frame } from "./frame.ts";

type VectorQuery = {
  indexName: string;
  limit?: number;
  vector: number[];
  expressions: JSONValue | null;
};

/** `ctx.vectorSearch` from actions: exact cosine similarity over the table, read at the latest state. */
export async function actionVectorSearch(frame: Frame, args: { query: VectorQuery }) {
  const { indexName, limit, vector, expressions } = args.query;
  const dot = indexName.indexOf(".");
  const tableName = indexName.slice(0, dot);
  const index = frame.backend
    .schemaTables(frame.component)
    .find((t) => t.tableName === tableName)
    ?.vectorIndexes?.find((i) => i.indexDescriptor === indexName.slice(dot + 1));
  if (!index) throw new FunctionError(`Vector index ${indexName} not found.`);
  const results = await frame.backend.systemQuery(frame.component, (inner) => {
    const table = inner.backend.store.catalog.ensureTable(inner.component, tableName);
    const docs = scanTable(inner, table).map(
      (doc) => jsonToConvex(doc) as Record<string, Value> & { _id: string },
    );
    return vectorSearch(docs, {
      vectorField: index.vectorField,
      vector,
      limit,
      expressions,
      dimensions: index.dimensions,
      filterFields: index.filterFields,
    });
  });
  return { results };
}
