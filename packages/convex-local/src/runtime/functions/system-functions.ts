import { createHash } from "node:crypto";
import type { JSONValue } from "convex/values";
import { countDocuments, documentJsonById, indexPage } from "../../storage/committed-documents.ts";
import { ReadSet } from "../../storage/read-set.ts";
import type { Store } from "../../storage/store.ts";
import type { CodeRegistry } from "./code-registry.ts";
import { FunctionError } from "../errors/errors.ts";
import { canonicalizeUdfPath } from "./modules.ts";
import type { SnapshotJobs } from "../snapshots/snapshot-jobs.ts";

/** A system query's result with the index ranges it read, so subscriptions re-run when they change. */
export class ReactiveResult {
  readonly value: JSONValue;
  readonly readSet: ReadSet;
  constructor(value: JSONValue, readSet: ReadSet) {
    this.value = value;
    this.readSet = readSet;
  }
}

/** What the CLI's system queries read. */
export type SystemContext = {
  store: Store;
  registry: CodeRegistry;
  /** Only the variables set on the deployment, without the built-in URLs. */
  storedEnvironmentVariables(): Record<string, string>;
  origin(): string;
  snapshots: SnapshotJobs;
};

type SystemFunction = (
  deployment: SystemContext,
  args: Record<string, JSONValue>,
  component: string,
) => JSONValue | ReactiveResult;

/**
 * A digest of a table's documents. `npx convex dev` watches it after a push fails on that table
 * (a schema its documents break) and pushes again once the table changes.
 */
function queryTable(
  deployment: SystemContext,
  args: Record<string, JSONValue>,
  component: string,
): JSONValue | ReactiveResult {
  const table = deployment.store.catalog.table(component, String(args.tableName));
  const byId = table && deployment.store.catalog.index(table.number, "by_id");
  if (!table || !byId) return null;
  const hash = createHash("sha256");
  let documents = 0;
  for (const json of documentJsonById(deployment.store.db, table.number)) {
    hash.update(json).update("\n");
    documents++;
  }
  const readSet = new ReadSet();
  readSet.add(byId.id, { lo: new Uint8Array(0), hi: null });
  return new ReactiveResult({ documents, digest: hash.digest("hex") }, readSet);
}

type PaginationOpts = { cursor: string | null; numItems: number };

function paginationOpts(args: Record<string, JSONValue>): PaginationOpts {
  const opts = args.paginationOpts as Partial<PaginationOpts> | undefined;
  const numItems = Number(opts?.numItems ?? 100);
  if (!Number.isInteger(numItems) || numItems < 1)
    throw new FunctionError("paginationOpts.numItems must be a positive integer.");
  return { cursor: typeof opts?.cursor === "string" ? opts.cursor : null, numItems };
}

/** One page of a table's documents in creation order, read from its `by_creation_time` index. */
function tableData(
  deployment: SystemContext,
  args: Record<string, JSONValue>,
  component: string,
): JSONValue {
  const name = String(args.table);
  const { cursor, numItems } = paginationOpts(args);
  const table = deployment.store.catalog.table(component, name);
  const index = table && deployment.store.catalog.index(table.number, "by_creation_time");
  if (!index) return { page: [], isDone: true, continueCursor: "" };
  const desc = args.order !== "asc";
  const after = cursor ? Buffer.from(cursor, "base64url") : null;
  const rows = indexPage(deployment.store.db, index.id, after, desc ? "desc" : "asc", numItems + 1);
  const page = rows.slice(0, numItems);
  const last = page[page.length - 1];
  return {
    page: page.map((r) => JSON.parse(r.json) as JSONValue),
    isDone: rows.length <= numItems,
    continueCursor: last ? Buffer.from(last.key).toString("base64url") : "",
  };
}

/** The component's functions and HTTP routes as `npx convex function-spec` (and `run`'s hints) list them. */
function apiSpec(
  deployment: SystemContext,
  _args: Record<string, JSONValue>,
  component: string,
): JSONValue {
  const modules = deployment.registry.modulesFor(component);
  if (!modules) return [];
  const out: JSONValue[] = [];
  const parse = (json: string | undefined) => (json ? (JSON.parse(json) as JSONValue) : null);
  for (const [module, exports] of modules.moduleExports()) {
    for (const name of Object.keys(exports).sort()) {
      const resolved = modules.resolve(`${module}:${name}`);
      if (!resolved) continue;
      out.push({
        functionType: `${resolved.udfType[0]!.toUpperCase()}${resolved.udfType.slice(1)}`,
        identifier: `${module}.js:${name}`,
        visibility: { kind: resolved.visibility },
        args: parse(resolved.fn.exportArgs?.()),
        returns: parse(resolved.fn.exportReturns?.()),
      });
    }
  }
  for (const [path, method] of modules.http?.getRoutes() ?? [])
    out.push({ functionType: "HttpAction", method, path });
  return out;
}

/** Built-in admin queries the Convex CLI calls (`env`, `export`, `import`, `data`, `function-spec`). */
const SYSTEM_FUNCTIONS: Record<string, SystemFunction> = {
  "_system/cli/queryEnvironmentVariables:default": (deployment) =>
    Object.entries(deployment.storedEnvironmentVariables()).map(([name, value]) => ({
      name,
      value,
    })),
  "_system/cli/queryEnvironmentVariables:get": (deployment, args) => {
    const name = String(args.name);
    const value = deployment.storedEnvironmentVariables()[name];
    return value === undefined ? null : { name, value };
  },
  "_system/cli/exports:getLatest": (deployment) => deployment.snapshots.latestExportValue(),
  "_system/cli/queryImport:default": (deployment, args) =>
    deployment.snapshots.importValue(String(args.importId)),
  "_system/cli/queryImport:list": (deployment) => deployment.snapshots.importList(),
  "_system/cli/tables:default": (deployment, _args, component) => {
    const page = deployment.store.catalog
      .tables(component)
      .filter((t) => !t.name.startsWith("_"))
      .map((t) => ({ name: t.name }));
    return { page, isDone: true, continueCursor: "" };
  },
  "_system/cli/tableData:default": tableData,
  "_system/cli/queryTable:default": queryTable,
  "_system/cli/modules:apiSpec": apiSpec,
  "_system/cli/convexUrl:cloudUrl": (deployment) => deployment.origin(),
  // `npx convex run --component <path>` looks the component up here and calls it by this id.
  "_system/frontend/components:list": (deployment) =>
    deployment.registry.componentPaths().map((path) => ({
      id: path,
      name: path.split("/").pop()!,
      path,
      state: "active",
    })),
  "_system/cli/tableSize:default": (deployment, args, component) => {
    const table = deployment.store.catalog.table(component, String(args.tableName));
    if (!table) return 0;
    return countDocuments(deployment.store.db, table.number);
  },
};

export function systemFunction(udfPath: string): SystemFunction | undefined {
  return SYSTEM_FUNCTIONS[canonicalizeUdfPath(udfPath)];
}
