import * as esbuild from "esbuild";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const ENTRY_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".jsx"];
/** Files the CLI bundles on their own rather than as function modules. */
const SPECIAL_FILES = ["schema", "auth.config"];

type BundledModule = {
  /** Module path as Convex names it, e.g. "messages.js" or "dir/file.js". */
  path: string;
  file: string;
  environment: "isolate" | "node";
};

/** A module the CLI pushed, by the hash the CLI compares to skip unchanged uploads. */
export type PushedModuleFile = {
  path: string;
  environment: "isolate" | "node";
  /** sha256 (hex) of the pushed source followed by its source map. */
  sha256: string;
  file: string;
};

export type Bundle = {
  outDir: string;
  modules: BundledModule[];
  schema?: string;
  authConfig?: string;
  /** For CLI pushes: every module written (chunks and auth config included), schema excepted. */
  pushed?: PushedModuleFile[];
  /** For bundles kept under content-derived names: every file they need, for cleaning up. */
  files?: string[];
};

/** Lists the function modules of a convex/ folder the way the Convex CLI picks entry points. */
function functionEntryPoints(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string, depth: number) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) {
        if (depth === 0 && name === "_generated") continue;
        if (name.startsWith(".") || name === "node_modules") continue;
        if (existsSync(join(full, "convex.config.ts"))) continue;
        walk(full, depth + 1);
        continue;
      }
      const rel = relative(dir, full);
      if (!ENTRY_EXTENSIONS.some((ext) => rel.endsWith(ext))) continue;
      if (name.startsWith(".") || name.startsWith("#") || rel.includes(" ")) continue;
      if (name.endsWith(".d.ts")) continue;
      if ((name.match(/\./g) ?? []).length > 1) continue;
      if (depth === 0 && /^schema\.[jt]s$/.test(name)) continue;
      if (/\.tsx?$/.test(name) && !/^\s{0,100}(import|export)/m.test(readFileSync(full, "utf8")))
        continue;
      out.push(full);
    }
  };
  walk(dir, 0);
  return out;
}

function specialFile(dir: string, base: string): string | undefined {
  for (const ext of [".ts", ".js"]) {
    const p = join(dir, base + ext);
    if (existsSync(p)) return p;
  }
  return undefined;
}

const USE_NODE = /^\s*("|')use node("|');?\s*$/m;

/**
 * Bundles every module of a convex/ folder into `outDir` as ESM for Node, one output per entry,
 * with shared chunks in `_deps/`, node_modules included, and `process.env` routed to deployment env vars.
 */
export async function bundleFunctions(dir: string, outDir: string): Promise<Bundle> {
  const entries = functionEntryPoints(dir);
  const specials = SPECIAL_FILES.map((b) => specialFile(dir, b)).filter(
    (p): p is string => p !== undefined,
  );
  await esbuild.build({
    entryPoints: [...entries, ...specials],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "esnext",
    jsx: "automatic",
    outdir: outDir,
    outbase: dir,
    outExtension: { ".js": ".mjs" },
    conditions: ["convex", "module"],
    splitting: true,
    chunkNames: "_deps/[hash]",
    sourcemap: "linked",
    sourcesContent: false,
    keepNames: true,
    logLevel: "silent",
    banner: {
      js: 'import { createRequire as __convexLocalCreateRequire } from "node:module"; const require = __convexLocalCreateRequire(import.meta.url);',
    },
    define: {
      "process.env.NODE_ENV": '"production"',
      "process.env": "globalThis.__convexLocalEnv",
    },
  });
  rewriteSourceMapSources(dir, outDir);
  const outFile = (source: string) =>
    join(outDir, relative(dir, source).replace(/\.[^.]+$/, ".mjs"));
  const modules = entries.map((file) => ({
    path: relative(dir, file)
      .split(sep)
      .join("/")
      .replace(/\.[^.]+$/, ".js"),
    file: outFile(file),
    environment: USE_NODE.test(readFileSync(file, "utf8"))
      ? ("node" as const)
      : ("isolate" as const),
  }));
  const schema = specialFile(dir, "schema");
  const authConfig = specialFile(dir, "auth.config");
  return {
    outDir,
    modules,
    schema: schema ? outFile(schema) : undefined,
    authConfig: authConfig ? outFile(authConfig) : undefined,
  };
}

/**
 * Names each source as the Convex CLI's bundles do, relative to an output folder beside the
 * functions folder (`../convex/messages.ts`), so stack traces read the same either way.
 */
function rewriteSourceMapSources(dir: string, outDir: string): void {
  const base = join(dirname(dir), "out");
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".map")) {
        const map = JSON.parse(readFileSync(full, "utf8")) as { sources: string[] };
        map.sources = map.sources.map((source) =>
          relative(base, resolve(dirname(full), source))
            .split(sep)
            .join("/"),
        );
        writeFileSync(full, JSON.stringify(map));
      }
    }
  };
  walk(outDir);
}
