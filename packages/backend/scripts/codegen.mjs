// Writes convex/_generated/ the way `npx convex codegen` does (dynamic API, component API imports)
// until a deployment exists to run the real CLI against; rerun after adding a module.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync as writeFile,
} from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const convexRoot = join(require.resolve("convex/package.json"), "..");
const templates = join(convexRoot, "dist/esm/cli/codegen_templates");
const { serverCodegen } = await import(join(templates, "server.js"));
const { header, apiComment, compareModulePaths } = await import(join(templates, "common.js"));
const { importPath, moduleIdentifier } = await import(join(templates, "api.js"));

const convexDir = fileURLToPath(new URL("../convex/", import.meta.url));
const outDir = join(convexDir, "_generated");
const components = {
  agent: "@convex-dev/agent",
  rag: "@convex-dev/rag",
  rateLimiter: "@convex-dev/rate-limiter",
};

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

// Same rules as the CLI's bundler entryPoints().
const modulePaths = walk(convexDir)
  .map((p) => relative(convexDir, p))
  .filter((rel) => {
    const base = rel.split(sep).at(-1);
    if (!/\.(ts|tsx|js|jsx|mjs|cjs)$/.test(rel) || rel.endsWith(".d.ts")) return false;
    if (rel.startsWith("_generated" + sep) || base.startsWith(".") || base.startsWith("#"))
      return false;
    if (base === "schema.ts" || (base.match(/\./g) || []).length > 1 || rel.includes(" "))
      return false;
    return /^\s{0,100}(import|export)/m.test(readFileSync(join(convexDir, rel), "utf8"));
  })
  .map((rel) => rel.split(sep).join("/"))
  .sort(compareModulePaths);

const apiDts = [
  header("Generated `api` utility."),
  ...modulePaths.map(
    (p) => `import type * as ${moduleIdentifier(p)} from "../${importPath(p)}.js";`,
  ),
  `
import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";

declare const fullApi: ApiFromModules<{`,
  ...modulePaths.map((p) => `  "${importPath(p)}": typeof ${moduleIdentifier(p)};`),
  `}>;
${apiComment("api", "public")}
export declare const api: FilterApi<typeof fullApi, FunctionReference<any, "public">>;
${apiComment("internal", "internal")}
export declare const internal: FilterApi<typeof fullApi, FunctionReference<any, "internal">>;

export declare const components: {`,
  ...Object.entries(components).map(
    ([name, pkg]) => `  ${name}: import("${pkg}/_generated/component.js").ComponentApi<"${name}">;`,
  ),
  "};",
  "",
].join("\n");

// With --check nothing is written; a stale _generated/ fails the run (typecheck uses this).
const check = process.argv.includes("--check");
const stale = [];
function writeFileSync(path, content) {
  if (!check) return writeFile(path, content);
  if (!existsSync(path) || readFileSync(path, "utf8") !== content)
    stale.push(relative(convexDir, path));
}

const server = serverCodegen({ useTypeScript: false, envVars: [] });
if (!check) mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "api.d.ts"), apiDts);
writeFileSync(
  join(outDir, "api.js"),
  `${header("Generated `api` utility.")}
import { anyApi, componentsGeneric } from "convex/server";
${apiComment("api", undefined)}
export const api = anyApi;
export const internal = anyApi;
export const components = componentsGeneric();
`,
);
writeFileSync(join(outDir, "server.d.ts"), server.DTS);
writeFileSync(join(outDir, "server.js"), server.JS);
writeFileSync(
  join(outDir, "dataModel.d.ts"),
  `${header("Generated data model types.")}
import type {
  DataModelFromSchemaDefinition,
  DocumentByName,
  TableNamesInDataModel,
  SystemTableNames,
} from "convex/server";
import type { GenericId } from "convex/values";
import schema from "../schema.js";

/**
 * The names of all of your Convex tables.
 */
export type TableNames = TableNamesInDataModel<DataModel>;

/**
 * The type of a document stored in Convex.
 *
 * @typeParam TableName - A string literal type of the table name (like "users").
 */
export type Doc<TableName extends TableNames> = DocumentByName<DataModel, TableName>;

/**
 * An identifier for a document in Convex.
 *
 * @typeParam TableName - A string literal type of the table name (like "users").
 */
export type Id<TableName extends TableNames | SystemTableNames> = GenericId<TableName>;

/**
 * A type describing your Convex data model.
 */
export type DataModel = DataModelFromSchemaDefinition<typeof schema>;
`,
);
if (stale.length > 0) {
  console.error(`convex/_generated is stale (${stale.join(", ")}): run pnpm codegen`);
  process.exit(1);
}
console.info(`convex/_generated: ${modulePaths.length} modules${check ? ", up to date" : ""}`);
