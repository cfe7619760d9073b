import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { frames } from "../execution/frame.ts";
import type { DefinitionAnalysis, PushedDefinition } from "./definition-analysis.ts";
import {
  depFileName,
  type PushModule,
  type ReusableModules,
  writeBundle,
  writeModule,
} from "./pushed-modules.ts";

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
