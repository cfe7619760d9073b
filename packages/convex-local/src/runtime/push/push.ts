import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Bundle, PushedModuleFile } from "./bundle.ts";
import type { ComponentNode, EnvBinding } from "./component-tree.ts";
import { frames } from "../execution/frame.ts";
import type { LoadedModules } from "../functions/modules.ts";

/** One bundled module as the Convex CLI sends it in `start_push`. */
type PushModule = {
  path: string;
  source: string;
  sourceMap?: string;
  environment: "isolate" | "node";
};

export type StartPushRequest = {
  adminKey?: string;
  dryRun?: boolean;
  appDefinition: {
    definition: PushModule | null;
    schema: PushModule | null;
    changedModules?: PushModule[];
    functions?: PushModule[];
    unchangedModuleHashes?: Array<{ path: string; environment: string; sha256: string }>;
  };
  componentDefinitions: Array<{
    definitionPath: string;
    definition: PushModule;
    schema: PushModule | null;
    functions: PushModule[];
  }>;
};

type EnvSpec = { type: "value"; value: string } | { type: "envVar"; name: string };
type DefinitionAnalysis = {
  name?: string;
  httpPrefix?: string;
  childComponents: Array<{ name: string; path: string; env?: Array<[string, EnvSpec]> | null }>;
  httpMounts: Record<string, string>;
  exports: { type: "branch"; branch: Array<[string, unknown]> };
  envVars?: unknown[];
};

/** A component as pushed: its definition path, the written bundle and its evaluated definition. */
type PushedDefinition = {
  definitionPath: string;
  bundle: Bundle;
  definition: DefinitionAnalysis;
};

const AUTH_CONFIG = "auth.config.js";
/** `"use node"` bundles are ESM that may `require()` Node built-ins, as in Convex's Node runtime. */
const NODE_BANNER =
  'import { createRequire as __convexLocalCreateRequire } from "node:module"; const require = __convexLocalCreateRequire(import.meta.url);\n';

/** Routes `process.env` to the deployment's variables, as the `--functions` bundler does with `define`. */
function prepareSource(source: string): string {
  return (
    source
      // The source map is kept beside the file (see stack-trace.ts), not loaded by Node.
      .replace(/^\/\/# sourceMappingURL=.*$/m, "")
      .replace(/\bprocess\.env\b/g, "globalThis.__convexLocalEnv")
      .replace(
        /(["'])\.\/_componentDeps\/([A-Za-z0-9_-]+)\1/g,
        (_m, quote: string, encoded: string) =>
          `${quote}./_componentDeps/${depFileName(Buffer.from(encoded, "base64url").toString())}${quote}`,
      )
  );
}

/** Definition paths encoded in base64url can exceed a file name's length limit; a digest cannot. */
function depFileName(definitionPath: string): string {
  return `${createHash("sha256").update(definitionPath).digest("hex").slice(0, 32)}.js`;
}

function writeModule(dir: string, m: PushModule): string {
  const file = join(dir, m.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, (m.environment === "node" ? NODE_BANNER : "") + prepareSource(m.source));
  return file;
}

/** The hash the CLI compares with `get_config_hashes` to skip uploading unchanged modules. */
function moduleHash(m: PushModule): string {
  return createHash("sha256")
    .update(m.source)
    .update(m.sourceMap ?? "")
    .digest("hex");
}

/**
 * Module files are named by content (`messages.<hash>.js`; esbuild already names chunks by content):
 * an unchanged module keeps its file URL across pushes, so Node's module cache serves the copy
 * already loaded instead of holding one more.
 */
function contentFile(dir: string, m: PushModule, sha256: string): string {
  const name = m.path.startsWith("_deps/")
    ? m.path
    : m.path.replace(/\.js$/, `.${sha256.slice(0, 16)}.js`);
  const file = join(dir, name);
  const content = (m.environment === "node" ? NODE_BANNER : "") + prepareSource(m.source);
  if (existsSync(file)) {
    if (readFileSync(file, "utf8") === content) return file;
    throw new Error(
      `Pushed module ${m.path} differs from the one already written under that name.`,
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (m.sourceMap) writeFileSync(`${file}.map`, m.sourceMap);
  return file;
}

/** Modules a push declared unchanged, looked up among the live code's. */
type ReusableModules = Map<string, PushedModuleFile>;

function writeBundle(
  dir: string,
  modules: PushModule[],
  schema: PushModule | null,
  unchanged: Array<{ path: string; environment: string; sha256: string }> = [],
  reusable: ReusableModules = new Map(),
): Bundle {
  mkdirSync(dir, { recursive: true });
  const bundle: Bundle = { outDir: dir, modules: [], pushed: [] };
  const add = (pushed: PushedModuleFile) => {
    bundle.pushed!.push(pushed);
    if (pushed.path === AUTH_CONFIG) bundle.authConfig = pushed.file;
    else if (!pushed.path.startsWith("_deps/"))
      bundle.modules.push({
        path: pushed.path,
        file: pushed.file,
        environment: pushed.environment,
      });
  };
  for (const m of modules) {
    const sha256 = moduleHash(m);
    add({ path: m.path, environment: m.environment, sha256, file: contentFile(dir, m, sha256) });
  }
  for (const u of unchanged) {
    const live = reusable.get(u.path);
    if (!live || live.sha256 !== u.sha256 || live.environment !== u.environment)
      throw new Error(
        `Module ${u.path} was pushed as unchanged, but the deployment does not have that version; push again.`,
      );
    add(live);
  }
  if (schema) bundle.schema = contentFile(dir, schema, moduleHash(schema));
  return bundle;
}

/**
 * Moves a bundle esbuild just wrote into `codeDir` under content-derived names, as pushed modules
 * are kept: a reload that leaves a module unchanged imports the URL Node has already loaded.
 * Throws if a chunk name is taken by other content (the caller then keeps the bundle where it is).
 */
export function relocateBuiltBundle(bundle: Bundle, codeDir: string): Bundle {
  const moved = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith(".map")) moved.set(full, "");
    }
  };
  walk(bundle.outDir);
  for (const full of moved.keys()) {
    const content = readFileSync(full, "utf8").replace(/^\/\/# sourceMappingURL=.*$/m, "");
    const sha256 = createHash("sha256").update(content).digest("hex");
    const rel = relative(bundle.outDir, full).split(sep).join("/");
    const name = rel.startsWith("_deps/")
      ? rel
      : rel.replace(/\.mjs$/, `.${sha256.slice(0, 16)}.mjs`);
    const dest = join(codeDir, name);
    if (existsSync(dest)) {
      if (readFileSync(dest, "utf8") !== content)
        throw new Error(`Bundled chunk ${rel} differs from the one already kept under that name.`);
    } else {
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, content);
      if (existsSync(`${full}.map`)) writeFileSync(`${dest}.map`, readFileSync(`${full}.map`));
    }
    moved.set(full, dest);
  }
  const at = (file: string | undefined) => (file === undefined ? undefined : moved.get(file));
  return {
    outDir: codeDir,
    modules: bundle.modules.map((m) => ({ ...m, file: moved.get(m.file)! })),
    schema: at(bundle.schema),
    authConfig: at(bundle.authConfig),
    files: [...moved.values()],
  };
}

/** Deletes module files that no bundle in `live` uses (their code stays loaded until restart). */
export function removeUnusedModuleFiles(codeRoot: string, live: Bundle[]): void {
  if (!existsSync(codeRoot)) return;
  const used = new Set<string>();
  for (const b of live) {
    for (const m of b.pushed ?? []) used.add(m.file);
    for (const file of b.files ?? []) used.add(file);
    if (b.schema) used.add(b.schema);
  }
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name !== "package.json" && !used.has(full.replace(/\.map$/, "")))
        rmSync(full, { force: true });
    }
  };
  walk(codeRoot);
}

/**
 * Writes a push's definitions into `defsDir`. A definition imports each child as
 * `./_componentDeps/<base64url(definitionPath)>`; that module re-exports the child tagged with its path.
 */
async function evaluateDefinitions(
  defsDir: string,
  definitions: Array<{ definitionPath: string; definition: PushModule | null }>,
): Promise<Map<string, DefinitionAnalysis>> {
  const files = new Map<string, string>();
  definitions.forEach(({ definitionPath, definition }, i) => {
    if (!definition) return;
    files.set(definitionPath, writeModule(join(defsDir, String(i)), definition));
  });
  definitions.forEach(({ definition }, i) => {
    if (!definition) return;
    const depsDir = join(defsDir, String(i), "_componentDeps");
    mkdirSync(depsDir, { recursive: true });
    for (const [path, file] of files) {
      if (path === "") continue;
      writeFileSync(
        join(depsDir, depFileName(path)),
        [
          `import definition from ${JSON.stringify(pathToFileURL(file).href)};`,
          `definition.componentDefinitionPath = ${JSON.stringify(path)};`,
          `definition.defaultName = definition._name;`,
          `export default definition;`,
        ].join("\n"),
      );
    }
  });
  const out = new Map<string, DefinitionAnalysis>();
  await frames.exit(async () => {
    for (const [path, file] of files) {
      const mod = (await import(pathToFileURL(file).href)) as {
        default: { export(): DefinitionAnalysis };
      };
      out.set(path, mod.default.export());
    }
  });
  return out;
}

/**
 * Evaluates the definitions under `outDir` and writes every pushed module under `codeRoot` (`app/`
 * for the app, a folder per component definition), reusing the live modules the CLI left out as
 * unchanged. Both folders are ES module packages.
 */
export async function writePush(
  outDir: string,
  codeRoot: string,
  request: StartPushRequest,
  reusable: ReusableModules,
): Promise<{ root: PushedDefinition; children: Map<string, PushedDefinition> }> {
  for (const dir of [outDir, codeRoot]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  }
  const app = request.appDefinition;
  const definitions = await evaluateDefinitions(join(outDir, "definitions"), [
    { definitionPath: "", definition: app.definition },
    ...request.componentDefinitions,
  ]);
  const emptyDefinition: DefinitionAnalysis = {
    childComponents: [],
    httpMounts: {},
    exports: { type: "branch", branch: [] },
  };
  const root: PushedDefinition = {
    definitionPath: "",
    bundle: writeBundle(
      join(codeRoot, "app"),
      app.changedModules ?? app.functions ?? [],
      app.schema,
      app.unchangedModuleHashes,
      reusable,
    ),
    definition: definitions.get("") ?? emptyDefinition,
  };
  const children = new Map<string, PushedDefinition>();
  request.componentDefinitions.forEach((c) => {
    children.set(c.definitionPath, {
      definitionPath: c.definitionPath,
      bundle: writeBundle(
        join(codeRoot, "components", depFileName(c.definitionPath).slice(0, -3)),
        c.functions,
        c.schema,
      ),
      definition: definitions.get(c.definitionPath) ?? emptyDefinition,
    });
  });
  return { root, children };
}

/** The installed components of a push, app first, each with the env `app.use` gave it. */
export function componentNodes(
  root: PushedDefinition,
  children: Map<string, PushedDefinition>,
): Array<ComponentNode & { definitionPath: string }> {
  const nodes: Array<ComponentNode & { definitionPath: string }> = [];
  const walk = (parent: PushedDefinition, prefix: string) => {
    for (const child of parent.definition.childComponents) {
      const path = prefix ? `${prefix}/${child.name}` : child.name;
      const env: Record<string, EnvBinding> = {};
      for (const [key, spec] of child.env ?? [])
        env[key] = spec.type === "value" ? { value: spec.value } : { parentVar: spec.name };
      const httpPrefix = Object.entries(parent.definition.httpMounts).find(
        ([, ref]) => ref === `_reference/childComponent/${child.name}`,
      )?.[0];
      nodes.push({ path, dir: child.path, definitionPath: child.path, httpPrefix, env });
      const definition = children.get(child.path);
      if (definition) walk(definition, path);
    }
  };
  walk(root, "");
  return nodes;
}

type AnalyzedFunction = {
  name: string;
  pos: null;
  udfType: "Query" | "Mutation" | "Action";
  visibility: { kind: "public" | "internal" };
  args: string | null;
  returns: string | null;
};

/** What the Convex CLI's codegen needs about one definition: its functions, schema and exports. */
export function analyzeDefinition(pushed: PushedDefinition, loaded: LoadedModules): unknown {
  const functions: Record<
    string,
    { functions: AnalyzedFunction[]; httpRoutes: unknown; cronSpecs: unknown; sourceMapped: null }
  > = {};
  for (const [module, exports] of loaded.moduleExports()) {
    const list: AnalyzedFunction[] = [];
    for (const name of Object.keys(exports).sort()) {
      const resolved = loaded.resolve(`${module}:${name}`);
      if (!resolved) continue;
      list.push({
        name,
        pos: null,
        udfType:
          resolved.udfType === "query"
            ? "Query"
            : resolved.udfType === "mutation"
              ? "Mutation"
              : "Action",
        visibility: { kind: resolved.visibility },
        args: resolved.fn.exportArgs?.() ?? null,
        returns: resolved.fn.exportReturns?.() ?? null,
      });
    }
    const http = module === "http" ? loaded.http : null;
    functions[`${module}.js`] = {
      functions: list,
      httpRoutes: http
        ? http.getRoutes().map(([path, method]) => ({ route: { path, method }, pos: null }))
        : null,
      cronSpecs:
        module === "crons"
          ? Object.entries(loaded.crons).map(([identifier, spec]) => ({ identifier, spec }))
          : null,
      sourceMapped: null,
    };
  }
  const d = pushed.definition;
  const exports =
    pushed.definitionPath !== "" && d.exports.branch.length === 0
      ? publicExports(functions)
      : d.exports;
  return {
    definition: {
      path: pushed.definitionPath,
      definitionType:
        pushed.definitionPath === ""
          ? { type: "app", ...(d.httpPrefix ? { httpPrefix: d.httpPrefix } : {}) }
          : { type: "childComponent", name: d.name ?? "" },
      childComponents: d.childComponents,
      httpMounts: d.httpMounts,
      exports,
      ...(d.envVars ? { envVars: d.envVars } : {}),
    },
    schema: loaded.schema,
    functions,
    udfConfig: {
      serverVersion: "1.49.0",
      importPhaseRngSeed: { $bytes: "" },
      importPhaseUnixTimestamp: { $integer: "AAAAAAAAAAA=" },
    },
  };
}

/** A component's public functions as an export tree, the way Convex exposes them to its parent. */
function publicExports(
  functions: Record<string, { functions: AnalyzedFunction[] }>,
): DefinitionAnalysis["exports"] {
  type Tree = { type: "branch"; branch: Array<[string, unknown]> };
  const root: Tree = { type: "branch", branch: [] };
  for (const [modulePath, { functions: list }] of Object.entries(functions)) {
    const module = modulePath.slice(0, -3);
    let node = root;
    for (const segment of module.split("/")) {
      let next = node.branch.find(([name]) => name === segment)?.[1] as Tree | undefined;
      if (!next) {
        next = { type: "branch", branch: [] };
        node.branch.push([segment, next]);
      }
      node = next;
    }
    for (const f of list)
      if (f.visibility.kind === "public")
        node.branch.push([
          f.name,
          { type: "leaf", leaf: `_reference/function/${module}:${f.name}` },
        ]);
  }
  return root;
}

/** The instantiated component tree in the CLI's `CheckedComponent` shape. */
export function checkedComponent(
  definition: PushedDefinition,
  children: Map<string, PushedDefinition>,
  componentPath: string,
): unknown {
  const childComponents: Record<string, unknown> = {};
  for (const child of definition.definition.childComponents) {
    const childDefinition = children.get(child.path);
    if (!childDefinition) continue;
    childComponents[child.name] = checkedComponent(
      childDefinition,
      children,
      componentPath ? `${componentPath}/${child.name}` : child.name,
    );
  }
  return {
    definitionPath: definition.definitionPath,
    componentPath,
    args: {},
    childComponents,
    httpRoutes: { httpModuleRoutes: null, mounts: Object.keys(definition.definition.httpMounts) },
    exports: {},
  };
}
