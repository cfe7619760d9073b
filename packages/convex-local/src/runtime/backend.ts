import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { jsonToConvex, type JSONValue, type Value, type ValidatorJSON } from "convex/values";
import { decodeDocumentId } from "../ids/document-id.ts";
import { randomId } from "../ids/request-id.ts";
import { pushedAuthInfo } from "../auth/pushed-auth-info.ts";
import { openDatabase, type SyncMode } from "../storage/sqlite.ts";
import { readMeta, writeMeta } from "../storage/meta.ts";
import { SessionRequests } from "../storage/session-requests.ts";
import { ConflictError, Store } from "../storage/store.ts";
import type { Transaction } from "../storage/transaction.ts";
import type { ReadSet } from "../storage/read-set.ts";
import {
  schemaValidationMessage,
  validateDocument,
  validateValue,
  type ValidationContext,
} from "../validation/validate.ts";
export type { FunctionAddress } from "./function-address.ts";
import { type Bundle, bundleFunctions } from "./bundle.ts";
import { type ComponentNode, loadComponentTree } from "./component-tree.ts";
import { componentBundle } from "./component-bundles.ts";
import { failedOutcome, FunctionError, httpActionErrorBody } from "./errors.ts";
import { type Frame, frames, type UdfType, type UserIdentity } from "./frame.ts";
import { installGlobals, realNow, realSetTimeout, setFallbackEnv } from "./globals.ts";
import {
  canonicalizeUdfPath,
  LoadedModules,
  type RegisteredFunction,
  type ResolvedFunction,
  type SchemaTable,
} from "./modules.ts";
import {
  type FunctionAddress,
  functionHandle,
  resolveFunctionAddress,
} from "./function-address.ts";
import { checkArgsSize, checkResultSize } from "./function-limits.ts";
import { applySchema, checkExistingDocuments, SchemaValidationError } from "./schema-sync.ts";
import {
  analyzeDefinition,
  checkedComponent,
  componentNodes,
  relocateBuiltBundle,
  removeUnusedModuleFiles,
  type StartPushRequest,
  writePush,
} from "./push.ts";
import { componentDiffs, type IndexDiff, indexDiff } from "./push-diff.ts";
import { ReactiveResult, systemFunction } from "./system-functions.ts";
import { seededRandom } from "../values/random-values.ts";
import { Scheduler } from "./scheduler.ts";
import { Crons } from "./crons.ts";
import { FileStorage, installStorageSyscalls } from "./file-storage.ts";
import { FunctionLogs, type LogUdfType } from "./logs.ts";
import { failOnUncaught } from "./uncaught-errors.ts";
import { checkUserTime, startUserClock } from "./user-time.ts";

export type CallRequest = {
  udfPath: string;
  args: JSONValue;
  identity: UserIdentity | null;
  isAdmin: boolean;
  componentPath?: string;
  /** (sessionId, requestId) of a sync-protocol mutation, for idempotent re-sends. */
  mutationKey?: { sessionId: string; requestId: number };
  /** Journal of a sync subscription's previous result (pins paginated page ends). */
  journal?: string | null;
  /** Runs a query against the state as of this timestamp (see `Store.checkSnapshot`). */
  ts?: bigint;
};

export type Outcome =
  | {
      status: "success";
      value: JSONValue;
      logLines: string[];
      ts?: bigint;
      readSet?: ReadSet;
      journal?: string | null;
    }
  | {
      status: "error";
      errorMessage: string;
      errorData?: JSONValue;
      logLines: string[];
      readSet?: ReadSet;
      ts?: bigint;
    };

type Completed = {
  value: JSONValue;
  logLines: string[];
  ts?: bigint;
  readSet?: ReadSet;
  journal?: string | null;
};

const MAX_OCC_RETRIES = 32;
/** Wall-clock backstop for queries and mutations, whose own code is limited by `functionTimeoutMs`. */
const TRANSACTION_TIMEOUT_MS = 20_000;
/** Convex's `DATABASE_UDF_USER_TIMEOUT_SECONDS`: 1 s of a query's or mutation's own code. */
const DEFAULT_FUNCTION_TIMEOUT_MS = 1000;
const DEFAULT_ACTION_TIMEOUT_MS = 10 * 60_000;

/** A function that never settles must not hold its caller (or a sync session) forever. */
function withTimeout<T>(promise: Promise<T>, ms: number, udfType: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = realSetTimeout(
      () =>
        reject(
          new FunctionError(
            `Uncaught Error: Your ${udfType} function timed out after ${ms / 1000} seconds.`,
          ),
        ),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Jittered exponential backoff so conflicting mutations stop colliding. */
function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) =>
    realSetTimeout(resolve, Math.random() * Math.min(2 ** attempt, 200)),
  );
}

/** Everything a deploy produced, persisted so a restart serves the same code. */
type DeployedCode = {
  outDir: string;
  root: Bundle;
  components: Array<ComponentNode & { bundle: Bundle }>;
};

export type BackendOptions = {
  dataDir: string;
  instanceName?: string;
  origin?: string;
  siteOrigin?: string;
  syncMode?: SyncMode;
  /** How long a timestamp stays readable by `/api/query_at_ts` after a later commit (Convex: 10 s). */
  snapshotWindowMs?: number;
  /** How long an action may run (Convex's `ACTIONS_USER_TIMEOUT_SECS`, 10 min by default). */
  actionTimeoutMs?: number;
  /** How long a query's or mutation's own code may run, syscalls not counted (Convex: 1 s). */
  functionTimeoutMs?: number;
};

/** One deployment: its database, deployed code and environment, and the function executor. */
export class Backend {
  readonly store: Store;
  readonly instanceName: string;
  readonly dataDir: string;
  origin: string;
  siteOrigin: string;
  readonly extraAsyncOps: Record<string, (frame: Frame, args: never) => unknown> = {};
  readonly jsOps: Record<string, (frame: Frame, args: never) => unknown> = {};
  private readonly components = new Map<string, LoadedModules>();
  private env: Record<string, string>;
  private lastCreationTime = 0;
  private readonly actionTimeoutMs: number;
  private readonly functionTimeoutMs: number;
  private deployCount = 0;
  private deployed: DeployedCode | null = null;
  private readonly deployListeners = new Set<() => void>();
  private readonly pendingPushes = new Map<
    string,
    { code: DeployedCode; loaded: Map<string, LoadedModules>; diffs?: Record<string, unknown> }
  >();
  private readonly inflightQueries = new Map<string, Promise<Completed>>();
  /** Outcomes of sync-protocol mutations by (session, request), for idempotent re-sends. */
  private readonly sessionRequests: SessionRequests;
  readonly scheduler: Scheduler;
  readonly files: FileStorage;
  readonly crons: Crons;
  /** Finished executions for `npx convex logs` and `npx convex dev`. */
  readonly logs = new FunctionLogs();

  constructor(options: BackendOptions) {
    installGlobals();
    this.dataDir = options.dataDir;
    this.instanceName = options.instanceName ?? "convex-local";
    this.origin = options.origin ?? "http://127.0.0.1:3210";
    this.siteOrigin = options.siteOrigin ?? "http://127.0.0.1:3211";
    this.actionTimeoutMs = options.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS;
    this.functionTimeoutMs = options.functionTimeoutMs ?? DEFAULT_FUNCTION_TIMEOUT_MS;
    this.store = new Store(openDatabase(options.dataDir, options.syncMode), {
      snapshotWindowMs: options.snapshotWindowMs,
    });
    const env = readMeta(this.store.db, "env");
    this.env = env ? (JSON.parse(env) as Record<string, string>) : {};
    this.sessionRequests = new SessionRequests(this.store.db);
    setFallbackEnv(() => this.environmentVariables());
    this.extraAsyncOps["1.0/createFunctionHandle"] = (frame, args: FunctionAddress) => {
      const target = this.resolveAddress(frame.component, args);
      return functionHandle(target.component, target.udfPath);
    };
    this.forgetOldSessionRequests();
    this.scheduler = new Scheduler(this);
    this.files = new FileStorage(this);
    this.crons = new Crons(this);
    installStorageSyscalls(this, this.files);
  }

  /** The deployment's env vars for the app; a component sees only what `app.use` passed it. */
  environmentVariables(component = ""): Record<string, string> {
    // Like Convex, the deployment's own URLs are always set for the app.
    if (component === "")
      return { ...this.env, CONVEX_CLOUD_URL: this.origin, CONVEX_SITE_URL: this.siteOrigin };
    const node = this.deployed?.components.find((c) => c.path === component);
    if (!node) return {};
    const parent = component.includes("/") ? component.slice(0, component.lastIndexOf("/")) : "";
    const parentEnv = Object.values(node.env ?? {}).some((b) => "parentVar" in b)
      ? this.environmentVariables(parent)
      : {};
    const out: Record<string, string> = {};
    for (const [key, binding] of Object.entries(node.env ?? {})) {
      const value = "value" in binding ? binding.value : parentEnv[binding.parentVar];
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  /** Idempotency records outlive any client reconnect by far after a day; dropping them bounds the table. */
  private forgetOldSessionRequests(): void {
    const dayAgo = BigInt(realNow() - 24 * 60 * 60 * 1000) * 1_000_000n;
    this.sessionRequests.forgetBefore(dayAgo);
  }

  /** Only the variables set on the deployment, without the built-in URLs. */
  storedEnvironmentVariables(): Record<string, string> {
    return this.env;
  }

  async setEnvironmentVariables(
    changes: Array<{ name: string; value: string | null }>,
  ): Promise<void> {
    const next = { ...this.env };
    for (const { name, value } of changes) {
      if (value === null) delete next[name];
      else next[name] = value;
    }
    writeMeta(this.store.db, "env", JSON.stringify(next));
    this.store.flush();
    this.env = next;
    await this.components.get("")?.loadAuthConfig();
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
      indexDiffs[path] = indexDiff(this.components.get(path)?.schema, modules.schema);
    this.pendingPushes.set(pushId, {
      code,
      loaded,
      diffs: componentDiffs(this.components, loaded),
    });
    return {
      environmentVariables: this.env,
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
      for (const [path, modules] of pending.loaded)
        if (modules.schema)
          checkExistingDocuments(
            this.store,
            path,
            modules.schema,
            this.validationContext(path),
            this.components.get(path)?.schema,
          );
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
    for (const [path, modules] of loaded) {
      if (modules.schema)
        checkExistingDocuments(
          this.store,
          path,
          modules.schema,
          this.validationContext(path),
          this.components.get(path)?.schema,
        );
    }
    const previous = this.deployed;
    this.components.clear();
    for (const [path, modules] of loaded) {
      this.components.set(path, modules);
      applySchema(this.store, path, modules.schema?.tables ?? []);
    }
    this.deployed = code;
    writeMeta(this.store.db, "deployed", JSON.stringify(code));
    if (previous && previous.outDir !== code.outDir && existsSync(previous.outDir)) {
      rmSync(previous.outDir, { recursive: true, force: true });
    }
    this.removeUnusedModuleFiles();
    this.scheduler.reschedule();
    this.crons.setSpecs(loaded.get("")!.crons);
    for (const listener of this.deployListeners) listener();
  }

  /** Called after new code is live, so subscriptions can re-run against it. */
  onDeploy(listener: () => void): () => void {
    this.deployListeners.add(listener);
    return () => this.deployListeners.delete(listener);
  }

  /** Child component mounted at an HTTP prefix, longest prefix first. */
  httpMount(path: string): { component: string; prefix: string } | null {
    const mounts = (this.deployed?.components ?? []).filter(
      (c) => c.httpPrefix && !c.path.includes("/") && path.startsWith(c.httpPrefix),
    );
    mounts.sort((a, b) => b.httpPrefix!.length - a.httpPrefix!.length);
    const mount = mounts[0];
    return mount ? { component: mount.path, prefix: mount.httpPrefix! } : null;
  }

  /** Paths of the mounted components (`"rag"`, `"rag/workpool"`), the app excepted. */
  componentPaths(): string[] {
    return [...this.components.keys()].filter((path) => path !== "");
  }

  modulesFor(component: string): LoadedModules | undefined {
    return this.components.get(component);
  }

  schemaTables(component: string): SchemaTable[] {
    return this.components.get(component)?.schema?.tables ?? [];
  }

  private schemaTable(component: string, tableName: string): SchemaTable | undefined {
    const schema = this.components.get(component)?.schema;
    if (!schema || !schema.schemaValidation) return undefined;
    return schema.tables.find((t) => t.tableName === tableName);
  }

  schemaViolation(component: string, tableName: string, doc: Record<string, Value>): string | null {
    const schema = this.components.get(component)?.schema;
    if (!schema || !schema.schemaValidation) return null;
    // Tables the schema does not declare are allowed and unvalidated (`strictTableNameTypes: false`).
    const table = this.schemaTable(component, tableName);
    if (!table) return null;
    const error = validateDocument(
      table.documentType as ValidatorJSON,
      doc,
      this.validationContext(component),
    );
    return error ? schemaValidationMessage(tableName, error) : null;
  }

  validationContext(component: string): ValidationContext {
    const tableNameForId = (id: string) => {
      const decoded = decodeDocumentId(id);
      if (!decoded) return null;
      const table = this.store.catalog.tableByNumber(decoded.tableNumber);
      return table && table.component === component ? table.name : null;
    };
    return { isIdForTable: (id, tableName) => tableNameForId(id) === tableName, tableNameForId };
  }

  /** Strictly increasing creation times, so `_creationTime` breaks ties between documents. */
  nextCreationTime(): number {
    const now = realNow();
    this.lastCreationTime = now > this.lastCreationTime ? now : this.lastCreationTime + 0.001;
    return this.lastCreationTime;
  }

  resolveAddress(
    component: string,
    address: FunctionAddress,
  ): { component: string; udfPath: string } {
    return resolveFunctionAddress(component, address);
  }

  lookup(
    component: string,
    udfPath: string,
    expected: UdfType | null,
    allowInternal: boolean,
  ): ResolvedFunction {
    const resolved = this.components.get(component)?.resolve(udfPath);
    const canonical = canonicalizeUdfPath(udfPath);
    if (!resolved || (!allowInternal && resolved.visibility !== "public")) {
      const path = canonical.replace(":default", "");
      const inComponent = component === "" ? "" : ` in '${component}'`;
      // Convex's texts: a public caller's, and the one `npx convex run` recognizes for a typo.
      throw new FunctionError(
        allowInternal
          ? `Could not find function for '${path}'${inComponent}. Did you forget to run \`npx convex dev\`?`
          : `Could not find public function for '${path}'${inComponent}.`,
      );
    }
    if (expected && resolved.udfType !== expected) {
      throw new FunctionError(
        `Trying to execute ${canonical} as ${capitalize(expected)}, but it is defined as ${capitalize(resolved.udfType)}.`,
      );
    }
    return resolved;
  }

  private checkArgs(resolved: ResolvedFunction, component: string, args: JSONValue): void {
    const validator = validatorsOf(resolved.fn).args;
    if (!validator) return;
    const error = validateValue(
      validator,
      jsonToConvex(args),
      "",
      this.validationContext(component),
    );
    if (error) throw new FunctionError(`ArgumentValidationError: ${error}`);
  }

  private checkReturns(resolved: ResolvedFunction, component: string, value: JSONValue): void {
    const validator = validatorsOf(resolved.fn).returns;
    if (!validator) return;
    const error = validateValue(
      validator,
      jsonToConvex(value),
      "",
      this.validationContext(component),
    );
    if (error) throw new FunctionError(`ReturnsValidationError: ${error}`);
  }

  /** Runs one function body in a frame; throws whatever the function threw. */
  async invoke(resolved: ResolvedFunction, frame: Frame, args: JSONValue): Promise<JSONValue> {
    const argsStr = JSON.stringify([args]);
    checkArgsSize(resolved.udfPath, args, argsStr);
    this.checkArgs(resolved, frame.component, args);
    const fn = resolved.fn;
    if (resolved.udfType !== "action") frame.userClock = startUserClock(this.functionTimeoutMs);
    const running = frames.run(frame, () => {
      if (resolved.udfType === "query") return fn.invokeQuery!(argsStr);
      if (resolved.udfType === "mutation") return fn.invokeMutation!(argsStr);
      return fn.invokeAction!(frame.requestId, argsStr);
    });
    let resultStr: string;
    try {
      resultStr = await withTimeout(
        resolved.udfType === "action" ? failOnUncaught(frame, running) : running,
        resolved.udfType === "action" ? this.actionTimeoutMs : TRANSACTION_TIMEOUT_MS,
        resolved.udfType,
      );
    } catch (e) {
      throw frame.userClock?.expired ?? e;
    }
    checkUserTime(frame.userClock);
    const value = JSON.parse(resultStr) as JSONValue;
    checkResultSize(resolved.udfPath, value, resultStr);
    this.checkReturns(resolved, frame.component, value);
    return value;
  }

  private newFrame(
    kind: UdfType,
    component: string,
    udfPath: string,
    identity: UserIdentity | null,
    requestId: string,
  ): Frame {
    const deterministic = kind !== "action";
    return {
      kind,
      backend: this,
      component,
      udfPath,
      requestId,
      identity,
      queries: new Map(),
      nextQueryId: { value: 1 },
      paginated: { value: false },
      logLines: [],
      // Each execution gets its own seed; two runs in the same millisecond must not share random values.
      random: deterministic ? seededRandom((Math.random() * 2 ** 32) >>> 0) : undefined,
      now: deterministic ? realNow() : undefined,
    };
  }

  private async runQueryTx(
    component: string,
    resolved: ResolvedFunction,
    args: JSONValue,
    identity: UserIdentity | null,
    requestId: string,
    journal?: string | null,
  ): Promise<Completed> {
    for (let attempt = 0; ; attempt++) {
      const tx = this.store.begin();
      const frame = this.newFrame("query", component, resolved.udfPath, identity, requestId);
      frame.tx = tx;
      frame.journalEndCursor = parseJournal(journal);
      let value: JSONValue;
      try {
        value = await this.invoke(resolved, frame, args);
      } catch (e) {
        if (this.store.release(tx) || attempt >= MAX_OCC_RETRIES)
          throw withReads(e, tx.readSet, this.store.latestTs(), frame.logLines);
        continue;
      }
      if (this.store.release(tx) || attempt >= MAX_OCC_RETRIES) {
        const nextJournal =
          frame.pageEnd === undefined ? null : JSON.stringify({ endCursor: frame.pageEnd });
        return {
          value,
          logLines: frame.logLines,
          readSet: tx.readSet,
          ts: this.store.latestTs(),
          journal: nextJournal,
        };
      }
    }
  }

  /** A query against a snapshot from `store.beginAt`: nothing later can invalidate it, so no retry. */
  private async runQueryAt(
    tx: Transaction,
    component: string,
    resolved: ResolvedFunction,
    request: CallRequest,
    requestId: string,
  ): Promise<Completed> {
    const frame = this.newFrame("query", component, resolved.udfPath, request.identity, requestId);
    frame.tx = tx;
    try {
      const value = await this.invoke(resolved, frame, request.args);
      return { value, logLines: frame.logLines, ts: tx.beginTs };
    } catch (e) {
      throw withReads(e, undefined, tx.beginTs, frame.logLines);
    } finally {
      tx.finishReads();
    }
  }

  async runMutationTx(
    component: string,
    resolved: ResolvedFunction | null,
    body: (frame: Frame) => Promise<JSONValue>,
    identity: UserIdentity | null,
    requestId: string,
    udfPath: string,
    onCommit?: (value: JSONValue) => Parameters<Store["commit"]>[1],
  ): Promise<Completed> {
    for (let attempt = 0; ; attempt++) {
      const tx = this.store.begin();
      const frame = this.newFrame(
        "mutation",
        component,
        resolved?.udfPath ?? udfPath,
        identity,
        requestId,
      );
      frame.tx = tx;
      let value: JSONValue;
      try {
        value = await body(frame);
      } catch (e) {
        if (this.store.release(tx) || attempt >= MAX_OCC_RETRIES)
          throw withReads(e, undefined, undefined, frame.logLines);
        await backoff(attempt);
        continue;
      }
      try {
        const { ts, durable } = this.store.commit(tx, onCommit?.(value));
        await durable;
        return { value, logLines: frame.logLines, ts };
      } catch (e) {
        if (!(e instanceof ConflictError) || attempt >= MAX_OCC_RETRIES)
          throw withReads(e, undefined, undefined, frame.logLines);
        await backoff(attempt);
      }
    }
  }

  /** Runs `body` as a mutation of the runtime itself (scheduler bookkeeping and the like). */
  async systemMutation<T>(component: string, body: (frame: Frame) => T | Promise<T>): Promise<T> {
    const result = await this.runMutationTx(
      component,
      null,
      async (frame) => (await frames.run(frame, () => body(frame))) as JSONValue,
      null,
      randomId(),
      "_system:mutation",
    );
    return result.value as T;
  }

  /** Runs `body` as a read-only query of the runtime itself, at the latest state. */
  async systemQuery<T>(component: string, body: (frame: Frame) => T | Promise<T>): Promise<T> {
    const tx = this.store.begin();
    const frame = this.newFrame("query", component, "_system:query", null, randomId());
    frame.tx = tx;
    try {
      return await frames.run(frame, () => body(frame));
    } finally {
      this.store.release(tx);
    }
  }

  private async runActionCall(
    component: string,
    resolved: ResolvedFunction,
    args: JSONValue,
    identity: UserIdentity | null,
    requestId: string,
  ): Promise<Completed> {
    const frame = this.newFrame("action", component, resolved.udfPath, identity, requestId);
    try {
      const value = await this.invoke(resolved, frame, args);
      return { value, logLines: frame.logLines };
    } catch (e) {
      throw withReads(e, undefined, undefined, frame.logLines);
    }
  }

  /** A call from outside (HTTP API, sync protocol, scheduler); errors come back as outcomes. */
  async call(kind: UdfType | null, request: CallRequest, caller = "HttpApi"): Promise<Outcome> {
    const startedMs = realNow();
    const requestId = randomId();
    const { udfType, ...outcome } = await this.callUnlogged(kind, request, requestId);
    if (udfType)
      this.logs.record({
        udfType: capitalize(udfType) as LogUdfType,
        componentPath: request.componentPath ?? "",
        identifier: canonicalizeUdfPath(request.udfPath),
        logLines: outcome.logLines,
        startedMs,
        error: outcome.status === "error" ? outcome.errorMessage : undefined,
        requestId,
        caller,
      });
    return outcome;
  }

  private async callUnlogged(
    kind: UdfType | null,
    request: CallRequest,
    requestId: string,
  ): Promise<Outcome & { udfType?: UdfType }> {
    const component = request.componentPath ?? "";
    let udfType: UdfType | undefined;
    try {
      if (component !== "" && !request.isAdmin) {
        throw new FunctionError(
          "Only admin or system users can call functions on non-root components directly",
        );
      }
      const system = request.isAdmin ? systemFunction(request.udfPath) : undefined;
      if (system) {
        const result = system(this, request.args as Record<string, JSONValue>, component);
        if (result instanceof ReactiveResult)
          return {
            status: "success",
            value: result.value,
            logLines: [],
            readSet: result.readSet,
            ts: this.store.latestTs(),
          };
        return { status: "success", value: result, logLines: [] };
      }
      const resolved = this.lookup(component, request.udfPath, kind, request.isAdmin);
      udfType = resolved.udfType;
      const completed =
        resolved.udfType === "query"
          ? await this.sharedQuery(component, resolved, request, requestId)
          : await this.runResolved(component, resolved, request, requestId);
      return { status: "success", udfType, ...completed };
    } catch (e) {
      const extra = e as { readSet?: ReadSet; ts?: bigint; logLines?: string[] };
      return {
        status: "error",
        udfType,
        ...failedOutcome(e, requestId),
        logLines: extra.logLines ?? [],
        readSet: extra.readSet,
        ts: extra.ts,
      };
    }
  }

  /**
   * Identical queries that overlap in time share one execution: its result reflects a state at least
   * as new as each caller's arrival, so many subscribers of one query cost one run per commit.
   */
  private sharedQuery(
    component: string,
    resolved: ResolvedFunction,
    request: CallRequest,
    requestId: string,
  ): Promise<Completed> {
    // A read at a timestamp (checked by the caller with `store.checkSnapshot`) runs on its own.
    if (request.ts !== undefined)
      return this.runQueryAt(
        this.store.beginAt(request.ts),
        component,
        resolved,
        request,
        requestId,
      );
    const key = JSON.stringify([
      component,
      resolved.udfPath,
      request.args,
      request.identity,
      request.isAdmin,
      request.journal ?? null,
    ]);
    let running = this.inflightQueries.get(key);
    if (!running) {
      running = this.runResolved(component, resolved, request, requestId).finally(() =>
        this.inflightQueries.delete(key),
      );
      this.inflightQueries.set(key, running);
    }
    return running;
  }

  async runResolved(
    component: string,
    resolved: ResolvedFunction,
    request: CallRequest,
    requestId: string,
  ): Promise<Completed> {
    if (resolved.udfType === "query")
      return this.runQueryTx(
        component,
        resolved,
        request.args,
        request.identity,
        requestId,
        request.journal,
      );
    if (resolved.udfType === "action")
      return this.runActionCall(component, resolved, request.args, request.identity, requestId);
    const key = request.mutationKey;
    if (key) {
      const row = this.sessionRequests.get(key.sessionId, key.requestId);
      if (row) {
        // The original commit may still be waiting for its group fsync; never ack before it lands.
        this.store.flush();
        const stored = JSON.parse(row.outcome) as { value: JSONValue; logLines: string[] };
        return { ...stored, ts: row.ts };
      }
    }
    return this.runMutationTx(
      component,
      resolved,
      (frame) => this.invoke(resolved, frame, request.args),
      request.identity,
      requestId,
      resolved.udfPath,
      key
        ? (value) => (_db, ts) => {
            this.sessionRequests.add(
              key.sessionId,
              key.requestId,
              JSON.stringify({ value, logLines: [] }),
              ts,
            );
          }
        : undefined,
    );
  }

  /** `ctx.runQuery` / `ctx.runMutation` inside a query or mutation: same transaction. */
  async runNested(
    parent: Frame,
    udfType: "query" | "mutation",
    address: FunctionAddress,
    args: JSONValue,
  ): Promise<JSONValue> {
    const target = this.resolveAddress(parent.component, address);
    const resolved = this.lookup(target.component, target.udfPath, udfType, true);
    if (udfType === "mutation" && parent.kind !== "mutation")
      throw new FunctionError("Queries cannot call mutations.");
    const frame: Frame = {
      ...this.newFrame(
        udfType,
        target.component,
        resolved.udfPath,
        parent.identity,
        parent.requestId,
      ),
      tx: parent.tx,
      logLines: parent.logLines,
    };
    const savepoint = parent.tx!.savepoint();
    try {
      return await this.invoke(resolved, frame, args);
    } catch (e) {
      if (udfType === "mutation") parent.tx!.rollbackTo(savepoint);
      throw e;
    } finally {
      for (const q of frame.queries.values()) parent.tx!.closeStream(q.streamId);
    }
  }

  /** `ctx.runQuery` / `ctx.runMutation` / `ctx.runAction` from an action: separate transactions. */
  async runFromAction(
    parent: Frame,
    udfType: UdfType,
    address: FunctionAddress,
    args: JSONValue,
  ): Promise<JSONValue> {
    const target = this.resolveAddress(parent.component, address);
    const resolved = this.lookup(target.component, target.udfPath, udfType, true);
    // On Convex each call is a round trip to the database; here it lets waiting requests run, so
    // an action computing between calls never holds the whole process.
    await nextTurn();
    const completed = await this.runResolved(
      target.component,
      resolved,
      { udfPath: resolved.udfPath, args, identity: parent.identity, isAdmin: true },
      parent.requestId,
    );
    parent.logLines.push(...completed.logLines);
    return completed.value;
  }

  /** Routes a request through the deployment's `http.js` router and runs the matched HTTP action. */
  async runHttpAction(
    request: Request,
    identity: UserIdentity | null,
    authError?: string,
  ): Promise<Response> {
    const url = new URL(request.url);
    const mount = this.httpMount(url.pathname);
    const component = mount?.component ?? "";
    const routedPath = mount ? `/${url.pathname.slice(mount.prefix.length)}` : url.pathname;
    const router = this.components.get(component)?.http;
    const method = request.method === "HEAD" ? "GET" : request.method;
    const match = router?.lookup(routedPath, method);
    if (!match) return new Response("No matching routes found", { status: 404 });
    const [handler] = match;
    const requestId = randomId();
    const frame = this.newFrame(
      "action",
      component,
      `${method} ${routedPath}`,
      identity,
      requestId,
    );
    frame.authError = authError;
    const startedMs = realNow();
    const logged = (error?: string) =>
      this.logs.record({
        udfType: "HttpAction",
        componentPath: component,
        identifier: `${method} ${routedPath}`,
        logLines: frame.logLines,
        startedMs,
        error,
        requestId,
        caller: "HttpEndpoint",
      });
    try {
      const response = await withTimeout(
        failOnUncaught(
          frame,
          frames.run(frame, () => handler.invokeHttpAction!(request)),
        ),
        this.actionTimeoutMs,
        "HTTP action",
      );
      logged();
      return response;
    } catch (e) {
      logged(failedOutcome(e, requestId).errorMessage);
      return Response.json(httpActionErrorBody(e, requestId), { status: 500 });
    }
  }

  close(): void {
    this.scheduler.stop();
    this.crons.stop();
    this.store.close();
  }
}

const parsedValidators = new WeakMap<
  RegisteredFunction,
  { args: ValidatorJSON | null; returns: ValidatorJSON | null }
>();

/** A registered function's argument and return validators, parsed once per loaded function. */
function validatorsOf(fn: RegisteredFunction): {
  args: ValidatorJSON | null;
  returns: ValidatorJSON | null;
} {
  let parsed = parsedValidators.get(fn);
  if (!parsed) {
    const args = fn.exportArgs?.();
    const returns = fn.exportReturns?.();
    parsed = {
      args: args ? (JSON.parse(args) as ValidatorJSON | null) : null,
      returns: returns ? (JSON.parse(returns) as ValidatorJSON | null) : null,
    };
    parsedValidators.set(fn, parsed);
  }
  return parsed;
}

function withReads(
  e: unknown,
  readSet: ReadSet | undefined,
  ts: bigint | undefined,
  logLines: string[],
): unknown {
  if (typeof e === "object" && e !== null) Object.assign(e, { readSet, ts, logLines });
  return e;
}

function parseJournal(journal: string | null | undefined): string | null {
  if (!journal) return null;
  try {
    const parsed = JSON.parse(journal) as { endCursor?: unknown };
    return typeof parsed.endCursor === "string" ? parsed.endCursor : null;
  } catch {
    return null;
  }
}

function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}
