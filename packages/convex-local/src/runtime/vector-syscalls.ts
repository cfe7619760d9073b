import { type JSONValue } from "convex/values";
import { checkVectorRequest, filterAlternatives } from "../query/vector.ts";
import { type Frame } from "./execution/frame.ts";
import { indexMissing } from "./syscalls/query-syscalls.ts";

type VectorQuery = {
  indexName: string;
  limit?: number;
  vector: number[];
  expressions: JSONValue | null;
};

/** `ctx.vectorSearch` from actions: the table's vector index (HNSW), at the latest committed state. */
export async function actionVectorSearch(frame: Frame, args: { query: VectorQuery }) {
  const { indexName, limit, vector, expressions } = args.query;
  const dot = indexName.indexOf(".");
  const tableName = indexName.slice(0, dot);
  const name = indexName.slice(dot + 1);
  const index = frame.host.registry
    .schemaTables(frame.component)
    .find((t) => t.tableName === tableName)
    ?.vectorIndexes?.find((i) => i.indexDescriptor === name);
  if (!index) throw indexMissing(frame, indexName, "stagedVectorIndexes", "Vector index");
  const checked = checkVectorRequest({
    vectorField: index.vectorField,
    vector,
    limit,
    expressions,
    dimensions: index.dimensions,
    filterFields: index.filterFields,
  });
  const store = frame.host.store;
  const table = store.catalog.table(frame.component, tableName);
  if (!table) return { results: [] };
  const results = store.vectorIndexes
    .get({
      tableNumber: table.number,
      name,
      vectorField: index.vectorField,
      dimensions: index.dimensions,
      filterFields: index.filterFields,
    })
    .search(checked.vector, checked.limit, filterAlternatives(checked.filter));
  return { results };
}
