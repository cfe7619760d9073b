import type { Bundle } from "./bundle.ts";
import type { ComponentNode, EnvBinding } from "./component-tree.ts";
import type { LoadedModules } from "../functions/modules.ts";

type EnvSpec = { type: "value"; value: string } | { type: "envVar"; name: string };
export type DefinitionAnalysis = {
  name?: string;
  httpPrefix?: string;
  // Component definitions from convex before 1.35 also declare their arguments, which their CLI requires back.
  definitionType?: { type: string; args?: unknown[] };
  childComponents: Array<{ name: string; path: string; env?: Array<[string, EnvSpec]> | null }>;
  httpMounts: Record<string, string>;
  exports: { type: "branch"; branch: Array<[string, unknown]> };
  envVars?: unknown[];
};

/** A component as pushed: its definition path, the written bundle and its evaluated definition. */
export type PushedDefinition = {
  definitionPath: string;
  bundle: Bundle;
  definition: DefinitionAnalysis;
};

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
          : {
              type: "childComponent",
              name: d.name ?? "",
              ...(d.definitionType?.args ? { args: d.definitionType.args } : {}),
            },
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
