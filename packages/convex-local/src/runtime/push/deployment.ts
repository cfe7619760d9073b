import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { pushedAuthInfo } from "../../auth/pushed-auth-info.ts";
import { readMeta, writeMeta } from "../../storage/meta.ts";
import type { Store } from "../../storage/store.ts";
import { type Bundle, bundleFunctions } from "./bundle.ts";
import { componentBundle } from "./component-bundles.ts";
import { type ComponentNode, loadComponentTree } from "./component-tree.ts";
import type { Environment } from "../environment/environment.ts";
import { LoadedModules } from "../functions/modules.ts";
import { analyzeDefinition, checkedComponent, componentNodes } from "./definition-analysis.ts";
import { type StartPushRequest, writePush } from "./push.ts";
import { relocateBuiltBundle, removeUnusedModuleFiles } from "./pushed-modules.ts";
import { componentDiffs, type IndexDiff, indexDiff } from "./push-diff.ts";
import type { Registry } from "../functions/registry.ts";
import { applySchema, checkExistingDocuments, SchemaValidationError } from "./schema-sync.ts";

/** Everything a deploy produced, persisted so a restart serves the same code. */
type DeployedCode = {
  outDir: string;
  root: Bundle;
  components: Array<ComponentNode & { bundle: Bundle }>;
};

type PendingPush = {
  code: DeployedCode;
  loaded: Map<string, LoadedModules>;
  diffs?: Record<string, unknown>;
};

/** The push lifecycle: bundling or receiving code, checking it, and making it live. */
export class Deployment {
  private readonly dataDir: string;
  private readonly store: Store;
  private readonly registry: Registry;
  private readonly environment: Environment;
  /** Runs once new code is live, with the app's modules (crons, scheduled jobs). */
  private readonly onActivate: (app: LoadedModules) => void;
  private deployCount = 0;
  private deployed: DeployedCode | null = null;
  private readonly deployListeners = new Set<() => void>();
  private readonly pendingPushes = new Map<string, PendingPush>();

  constructor(deps: {
    dataDir: string;
    store: Store;
    registry: Registry;
    environment: Environment;
    onActivate: (app: LoadedModules) => void;
  }) {
    this.dataDir = deps.dataDir;
    this.store = deps.store;
    this.registry = deps.registry;
    this.environment = deps.environment;
    this.onActivate = deps.onActivate;
  }

  /** Bundles and loads a convex/ folder, then brings tables and indexes in line with its schema. */
  async deploy(functionsDir: string): Promise<void> {
    const outDir = join(this.dataDir, "modules", "app", `${Date.now()}-${this.deployCount++}`);
    mkdirSync(outDir, { recursive: true });
    const built = await bundleFunctions(functionsDir, join(outDir, "app"));
    let root = built;
    try {
      root = relocateBuiltBundle(built, join(this.codeRoot, "local"));
      rmSync(built.outDir, { recursive: true, force: true });
    } catch (e) {
      console.warn(`convex-local: keeping this build's modules apart (${(e as Error).message})`);
    }
    const nodes = await loadComponentTree(functionsDir, outDir);
    const byDir = new Map<string, Bundle>();
    const components: DeployedCode["components"] = [];
    for (const node of nodes) {
      let bundle = byDir.get(node.dir);
      if (!bundle) {
        bundle = await componentBundle(node.dir, join(this.dataDir, "modules"));
        byDir.set(node.dir, bundle);
      }
      components.push({ ...node, bundle });
    }
    await this.activate({ outDir, root, components });
  }

  /**
   * `start_push`: writes and evaluates the CLI's bundles in a new versioned folder and answers with
   * the analysis codegen needs. Nothing is live until `finishPush`.
   */
  async startPush(request: StartPushRequest): Promise<Record<string, unknown>> {
    // One push at a time, as in Convex: a newer start supersedes an unfinished one (codegen never finishes).
    for (const [id, pending] of this.pendingPushes) {
      this.pendingPushes.delete(id);
      rmSync(pending.code.outDir, { recursive: true, force: true });
    }
    const pushId = `${Date.now()}-${this.deployCount++}`;
    const outDir = join(this.dataDir, "modules", "app", `push-${pushId}`);
    try {
      return await this.analyzePush(pushId, outDir, request);
    } catch (e) {
      this.pendingPushes.delete(pushId);
      rmSync(outDir, { recursive: true, force: true });
      this.removeUnusedModuleFiles();
      throw e;
    }
  }

  private get codeRoot(): string {
    return join(this.dataDir, "modules", "code");
  }

  /** Drops module files neither the live code nor a pending push uses. */
  private removeUnusedModuleFiles(): void {
    const codes = [...(this.deployed ? [this.deployed] : [])];
    for (const pending of this.pendingPushes.values()) codes.push(pending.code);
    removeUnusedModuleFiles(
      this.codeRoot,
      codes.flatMap((c) => [c.root, ...c.components.map((n) => n.bundle)]),
    );
  }

  /** `get_config_hashes`: the live app modules' hashes, which the CLI skips uploading when unchanged. */
  moduleHashes(): Array<{ path: string; hash: string; environment: string }> {
    return (this.deployed?.root.pushed ?? []).map((m) => ({
      path: m.path,
      hash: m.sha256,
      environment: m.environment,
    }));
  }

  private async analyzePush(
    pushId: string,
    outDir: string,
    request: StartPushRequest,
  ): Promise<Record<string, unknown>> {
    const reusable = new Map((this.deployed?.root.pushed ?? []).map((m) => [m.path, m]));
    const { root, children } = await writePush(outDir, this.codeRoot, request, reusable);
    const nodes = componentNodes(root, children);
    const code: DeployedCode = {
      outDir,
      root: root.bundle,
      components: nodes.map((n) => ({ ...n, bundle: children.get(n.definitionPath)!.bundle })),
    };
    // Registered before loading, so no clean-up meanwhile takes its module files for unused.
    this.pendingPushes.set(pushId, { code, loaded: new Map() });
    const analysis: Record<string, unknown> = {};
    const rootModules = await LoadedModules.load(root.bundle);
    analysis[""] = analyzeDefinition(root, rootModules);
    const byDefinition = new Map<string, LoadedModules>();
    for (const [path, pushed] of children) {
      const modules = await LoadedModules.load(pushed.bundle);
      byDefinition.set(path, modules);
      analysis[path] = analyzeDefinition(pushed, modules);
    }
    const loaded = new Map<string, LoadedModules>([["", rootModules]]);
    for (const n of nodes) loaded.set(n.path, byDefinition.get(n.definitionPath)!);
    const indexDiffs: Record<string, IndexDiff> = {};
    for (const [path, modules] of loaded)
      indexDiffs[path] = indexDiff(this.registry.modulesFor(path)?.schema, modules.schema);
    this.pendingPushes.set(pushId, {
      code,
      loaded,
      diffs: componentDiffs(this.registry.loaded(), loaded),
    });
    return {
      environmentVariables: this.environment.stored(),
      externalDepsId: null,
      componentDefinitionPackages: {},
      appAuth: pushedAuthInfo(rootModules.authProviders),
      analysis,
      app: checkedComponent(root, children, ""),
      schemaChange: { allocatedComponentIds: {}, schemaIds: {}, indexDiffs, pushId },
    };
  }

  /** `wait_for_schema`: checks existing documents against the pushed schemas. */
  waitForSchema(pushId: string): Record<string, unknown> {
    const pending = this.pendingPushes.get(pushId);
    if (!pending) return { type: "raceDetected" };
    try {
      this.checkDocuments(pending.loaded);
    } catch (e) {
      if (!(e instanceof SchemaValidationError)) throw e;
      this.pendingPushes.delete(pushId);
      rmSync(pending.code.outDir, { recursive: true, force: true });
      this.removeUnusedModuleFiles();
      return {
        type: "failed",
        error: e.detail,
        tableName: e.tableName,
        componentPath: e.componentPath,
      };
    }
    return { type: "complete" };
  }

  /** Throws `SchemaValidationError` if a stored document breaks the schema of `loaded`. */
  private checkDocuments(loaded: Map<string, LoadedModules>): void {
    for (const [path, modules] of loaded)
      if (modules.schema)
        checkExistingDocuments(
          this.store,
          path,
          modules.schema,
          this.registry.validationContext(path),
          this.registry.modulesFor(path)?.schema,
        );
  }

  /** `finish_push`: makes a started push the live code (persisted for restarts); returns its component diffs. */
  async finishPush(pushId: string, dryRun: boolean): Promise<Record<string, unknown>> {
    const pending = this.pendingPushes.get(pushId);
    if (!pending) throw new Error("This push was not started or was already finished.");
    if (dryRun) return {};
    this.pendingPushes.delete(pushId);
    await this.activate(pending.code);
    return pending.diffs ?? {};
  }

  /** Loads the code deployed before the last shutdown, if any; returns whether there was some. */
  async loadDeployed(): Promise<boolean> {
    const deployed = readMeta(this.store.db, "deployed");
    if (!deployed) return false;
    const code = JSON.parse(deployed) as DeployedCode;
    if (!existsSync(code.outDir)) return false;
    // Pushes started but never finished before the restart are dropped.
    const appDir = dirname(code.outDir);
    for (const name of readdirSync(appDir))
      if (name.startsWith("push-") && join(appDir, name) !== code.outDir)
        rmSync(join(appDir, name), { recursive: true, force: true });
    await this.activate(code);
    return true;
  }

  private async activate(code: DeployedCode): Promise<void> {
    const loaded = new Map<string, LoadedModules>([["", await LoadedModules.load(code.root)]]);
    for (const c of code.components) loaded.set(c.path, await LoadedModules.load(c.bundle));
    this.checkDocuments(loaded);
    const previous = this.deployed;
    this.registry.install(loaded, code.components);
    this.store.changeSchema(() => {
      for (const [path, modules] of loaded)
        applySchema(this.store, path, modules.schema?.tables ?? []);
    });
    this.deployed = code;
    writeMeta(this.store.db, "deployed", JSON.stringify(code));
    if (previous && previous.outDir !== code.outDir && existsSync(previous.outDir)) {
      rmSync(previous.outDir, { recursive: true, force: true });
    }
    this.removeUnusedModuleFiles();
    this.onActivate(loaded.get("")!);
    for (const listener of this.deployListeners) listener();
  }

  /** Called after new code is live, so subscriptions can re-run against it. */
  onDeploy(listener: () => void): () => void {
    this.deployListeners.add(listener);
    return () => this.deployListeners.delete(listener);
  }
}
