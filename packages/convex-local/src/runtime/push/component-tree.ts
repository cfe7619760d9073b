import * as esbuild from "esbuild";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** One installed component: its path (`"rag"`, `"rag/workpool"`) and its source folder. */
export type ComponentNode = {
  path: string;
  dir: string;
  httpPrefix?: string;
  env: Record<string, EnvBinding>;
};

/** A component env var: a literal from `app.use(c, {env})`, or a reference to the parent's env var. */
export type EnvBinding = { value: string } | { parentVar: string };

type RuntimeDefinition = {
  componentDefinitionPath?: string;
  _childComponents: Array<[string, RuntimeDefinition, Record<string, unknown>, string | undefined]>;
};

const CONFIG_IMPORT = /convex\.config(\.[cm]?[jt]s)?$/;

/**
 * Bundles and evaluates `convex.config.ts`. Each imported child definition is tagged with its
 * folder, which `app.use()` requires (the Convex CLI does the same with synthetic modules).
 */
export async function loadComponentTree(
  functionsDir: string,
  outDir: string,
): Promise<ComponentNode[]> {
  const entry = ["convex.config.ts", "convex.config.js"]
    .map((f) => join(functionsDir, f))
    .find((f) => existsSync(f));
  if (!entry) return [];
  const outfile = join(outDir, "convex.config.mjs");
  const tagDefinitions: esbuild.Plugin = {
    name: "convex-local-component-definitions",
    setup(build) {
      build.onResolve({ filter: CONFIG_IMPORT }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData === "real") return undefined;
        if (args.namespace === "component-definition")
          return { path: args.path, namespace: "file" };
        const resolved = await build.resolve(args.path, {
          resolveDir: args.resolveDir,
          kind: args.kind,
          pluginData: "real",
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, namespace: "component-definition" };
      });
      build.onLoad({ filter: /.*/, namespace: "component-definition" }, (args) => ({
        resolveDir: dirname(args.path),
        loader: "js",
        contents: [
          `import definition from ${JSON.stringify(args.path)};`,
          `definition.componentDefinitionPath = ${JSON.stringify(dirname(args.path))};`,
          `definition.defaultName = definition._name;`,
          `export default definition;`,
        ].join("\n"),
      }));
    },
  };
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    conditions: ["convex", "module"],
    logLevel: "silent",
    plugins: [tagDefinitions],
    banner: {
      js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);',
    },
  });
  const app = ((await import(pathToFileURL(outfile).href)) as { default: RuntimeDefinition })
    .default;
  const nodes: ComponentNode[] = [];
  const walk = (definition: RuntimeDefinition, prefix: string) => {
    for (const [name, child, envValues, httpPrefix] of definition._childComponents) {
      const path = prefix ? `${prefix}/${name}` : name;
      const env: Record<string, EnvBinding> = {};
      for (const [key, value] of Object.entries(envValues ?? {})) {
        const ref = (value as { __envVarRef?: unknown } | null)?.__envVarRef;
        env[key] =
          typeof ref === "string"
            ? { parentVar: ref }
            : { value: typeof value === "string" ? value : JSON.stringify(value) };
      }
      nodes.push({ path, dir: child.componentDefinitionPath!, httpPrefix, env });
      walk(child, path);
    }
  };
  walk(app, "");
  return nodes;
}
