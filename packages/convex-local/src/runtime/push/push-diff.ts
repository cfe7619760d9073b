import type { SchemaJson } from "../functions/function-types.ts";
import type { LoadedModules } from "../functions/modules.ts";

/** An index as the CLI prints it (`DeveloperIndexConfig`): `table.index` with its kind's fields. */
type IndexConfig =
  | { name: string; type: "database"; fields: string[] }
  | { name: string; type: "search"; searchField: string; filterFields: string[] }
  | {
      name: string;
      type: "vector";
      vectorField: string;
      dimensions: number;
      filterFields: string[];
    };

export type IndexDiff = { added_indexes: IndexConfig[]; removed_indexes: IndexConfig[] };

function indexes(schema: SchemaJson | null | undefined): Map<string, IndexConfig> {
  const out = new Map<string, IndexConfig>();
  for (const t of schema?.tables ?? []) {
    for (const i of t.indexes)
      out.set(`${t.tableName}.${i.indexDescriptor}`, {
        name: `${t.tableName}.${i.indexDescriptor}`,
        type: "database",
        fields: i.fields,
      });
    for (const i of t.searchIndexes ?? [])
      out.set(`${t.tableName}.${i.indexDescriptor}`, {
        name: `${t.tableName}.${i.indexDescriptor}`,
        type: "search",
        searchField: i.searchField,
        filterFields: i.filterFields,
      });
    for (const i of t.vectorIndexes ?? [])
      out.set(`${t.tableName}.${i.indexDescriptor}`, {
        name: `${t.tableName}.${i.indexDescriptor}`,
        type: "vector",
        vectorField: i.vectorField,
        dimensions: i.dimensions,
        filterFields: i.filterFields,
      });
  }
  return out;
}

/** Indexes a schema change adds and drops; a changed index is both dropped and added, as in Convex. */
export function indexDiff(
  before: SchemaJson | null | undefined,
  after: SchemaJson | null | undefined,
): IndexDiff {
  const old = indexes(before);
  const next = indexes(after);
  const same = (a: IndexConfig, b: IndexConfig) => JSON.stringify(a) === JSON.stringify(b);
  return {
    added_indexes: [...next.values()].filter((i) => !old.has(i.name) || !same(old.get(i.name)!, i)),
    removed_indexes: [...old.values()].filter(
      (i) => !next.has(i.name) || !same(next.get(i.name)!, i),
    ),
  };
}

function moduleNames(modules: LoadedModules | undefined): Set<string> {
  return new Set([...(modules?.moduleExports().keys() ?? [])].map((m) => `${m}.js`));
}

function cronDiff(before: LoadedModules | undefined, after: LoadedModules | undefined) {
  const old = before?.crons ?? {};
  const next = after?.crons ?? {};
  return {
    added: Object.keys(next).filter((k) => !(k in old)),
    updated: Object.keys(next).filter(
      (k) => k in old && JSON.stringify(old[k]) !== JSON.stringify(next[k]),
    ),
    deleted: Object.keys(old).filter((k) => !(k in next)),
  };
}

/** `finish_push`'s `componentDiffs`: what each mounted component gained or lost. */
export function componentDiffs(
  before: Map<string, LoadedModules>,
  after: Map<string, LoadedModules>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(path);
    const next = after.get(path);
    const oldModules = moduleNames(old);
    const newModules = moduleNames(next);
    out[path] = {
      diffType: { type: !old ? "create" : !next ? "unmount" : "modify" },
      moduleDiff: {
        added: [...newModules].filter((m) => !oldModules.has(m)),
        removed: [...oldModules].filter((m) => !newModules.has(m)),
      },
      udfConfigDiff: null,
      cronDiff: cronDiff(old, next),
      indexDiff: indexDiff(old?.schema, next?.schema),
      schemaDiff: null,
    };
  }
  return out;
}
