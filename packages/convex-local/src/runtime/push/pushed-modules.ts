import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { Bundle, PushedModuleFile } from "./bundle.ts";

/** One bundled module as the Convex CLI sends it in `start_push`. */
export type PushModule = {
  path: string;
  source: string;
  sourceMap?: string;
  environment: "isolate" | "node";
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
export function depFileName(definitionPath: string): string {
  return `${createHash("sha256").update(definitionPath).digest("hex").slice(0, 32)}.js`;
}

export function writeModule(dir: string, m: PushModule): string {
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
export type ReusableModules = Map<string, PushedModuleFile>;

export function writeBundle(
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
