import { pathToFileURL } from "node:url";
import type { Bundle } from "../push/bundle.ts";
import type {
  ComponentModules,
  CronSpec,
  HttpRouterLike,
  RegisteredFunction,
  ResolvedFunction,
  SchemaJson,
} from "./function-types.ts";
import { frames } from "../execution/frame.ts";
import { registerBundle } from "../errors/stack-trace.ts";

/** "messages.js:list" and "messages" (default export) become "messages:list" / "messages:default". */
export function canonicalizeUdfPath(path: string): string {
  const [rawModule, name] = path.includes(":")
    ? (path.split(":", 2) as [string, string])
    : [path, "default"];
  const module = rawModule.endsWith(".js") ? rawModule.slice(0, -3) : rawModule;
  return `${module}:${name}`;
}

/** The evaluated modules of one deployed convex/ folder. */
export class LoadedModules implements ComponentModules {
  private readonly modules = new Map<string, Record<string, unknown>>();
  private readonly nodeModules = new Set<string>();
  schema: SchemaJson | null = null;
  authProviders: unknown[] = [];
  http: HttpRouterLike | null = null;
  crons: Record<string, CronSpec> = {};
  readonly bundle: Bundle;

  private constructor(bundle: Bundle) {
    this.bundle = bundle;
  }

  static async load(bundle: Bundle): Promise<LoadedModules> {
    const loaded = new LoadedModules(bundle);
    registerBundle(bundle);
    // Module top-level code runs outside any execution, like Convex's import phase.
    await frames.exit(async () => {
      for (const m of bundle.modules) {
        const exports = (await import(pathToFileURL(m.file).href)) as Record<string, unknown>;
        loaded.modules.set(m.path.slice(0, -3), exports);
        if (m.environment === "node") loaded.nodeModules.add(m.path.slice(0, -3));
      }
      if (bundle.schema) {
        const schemaModule = (await import(pathToFileURL(bundle.schema).href)) as {
          default?: { export(): string };
        };
        if (schemaModule.default)
          loaded.schema = JSON.parse(schemaModule.default.export()) as SchemaJson;
      }
      await loaded.loadAuthConfig();
    });
    const http = loaded.modules.get("http")?.default as HttpRouterLike | undefined;
    if (http?.isRouter) loaded.http = http;
    const crons = loaded.modules.get("crons")?.default as
      | { isCrons?: boolean; export(): string }
      | undefined;
    if (crons?.isCrons) loaded.crons = JSON.parse(crons.export()) as Record<string, CronSpec>;
    return loaded;
  }

  private authConfigLoads = 0;

  /** Evaluates `auth.config.js`, again each time env vars change, since providers usually read them. */
  async loadAuthConfig(): Promise<void> {
    if (!this.bundle.authConfig) return;
    const url = `${pathToFileURL(this.bundle.authConfig).href}?load=${this.authConfigLoads++}`;
    const auth = (await frames.exit(() => import(url))) as { default?: { providers?: unknown[] } };
    this.authProviders = auth.default?.providers ?? [];
  }

  /** Functions found, by the path they were asked for: every call looks its function up. */
  private readonly resolved = new Map<string, ResolvedFunction>();

  resolve(udfPath: string): ResolvedFunction | null {
    let resolved = this.resolved.get(udfPath);
    if (!resolved) {
      // Only found functions are kept, so the paths callers make up cannot grow the map.
      resolved = this.find(udfPath) ?? undefined;
      if (resolved) this.resolved.set(udfPath, resolved);
    }
    return resolved ?? null;
  }

  private find(udfPath: string): ResolvedFunction | null {
    const canonical = canonicalizeUdfPath(udfPath);
    const [module, name] = canonical.split(":") as [string, string];
    const fn = this.modules.get(module)?.[name] as RegisteredFunction | undefined;
    if (!fn || (typeof fn !== "function" && typeof fn !== "object")) return null;
    const udfType = fn.isQuery
      ? "query"
      : fn.isMutation
        ? "mutation"
        : fn.isAction
          ? "action"
          : null;
    if (!udfType) return null;
    return {
      udfPath: canonical,
      udfType,
      visibility: fn.isInternal ? "internal" : "public",
      runtime: this.nodeModules.has(module) ? "node" : "isolate",
      fn,
    };
  }

  moduleExports(): Map<string, Record<string, unknown>> {
    return this.modules;
  }
}
