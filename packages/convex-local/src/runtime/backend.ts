import { openDatabase, type SyncMode } from "../storage/sqlite.ts";
import { SessionRequests } from "../storage/session-requests.ts";
import { Store } from "../storage/store.ts";
import { CreationClock } from "./execution/creation-clock.ts";
import { Crons } from "./scheduler/crons.ts";
import { Deployment } from "./push/deployment.ts";
import { Environment } from "./environment/environment.ts";
import type { DeploymentUrls } from "./environment/environment-source.ts";
import { Executor } from "./execution/executor.ts";
import { FileStorage, installStorageSyscalls } from "./files/file-storage.ts";
import type { Frame } from "./execution/frame.ts";
import { functionHandle } from "./functions/function-address.ts";
import type { CallRequest, Outcome } from "./functions/function-runner.ts";
import type { FunctionAddress, UdfType } from "./functions/function-types.ts";
import { installGlobals, realNow, setFallbackEnv } from "./environment/globals.ts";
import { HttpActionRunner } from "./execution/http-action-runner.ts";
import { FunctionLogs } from "./execution/logs.ts";
import { Registry } from "./functions/registry.ts";
import { Scheduler } from "./scheduler/scheduler.ts";
import { SnapshotJobs } from "./snapshots/snapshot-jobs.ts";
import { SyscallTable } from "./syscalls/syscall-table.ts";

/** Convex's `DATABASE_UDF_USER_TIMEOUT_SECONDS`: 1 s of a query's or mutation's own code. */
const DEFAULT_FUNCTION_TIMEOUT_MS = 1000;
const DEFAULT_ACTION_TIMEOUT_MS = 10 * 60_000;
/** Idempotency records outlive any client reconnect by far after a day; dropping them bounds the table. */
const SESSION_REQUEST_RETENTION_MS = 24 * 60 * 60 * 1000;

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

/** One deployment, composed of its parts; the server and the CLI reach them from here. */
export class Backend {
  readonly store: Store;
  readonly instanceName: string;
  readonly dataDir: string;
  readonly urls: DeploymentUrls;
  readonly registry: Registry;
  readonly environment: Environment;
  readonly deployment: Deployment;
  readonly executor: Executor;
  /** Outcomes of sync-protocol mutations, so a re-sent one is not run twice. */
  readonly sessionRequests: SessionRequests;
  readonly httpActions: HttpActionRunner;
  readonly scheduler: Scheduler;
  readonly files: FileStorage;
  readonly crons: Crons;
  readonly snapshots: SnapshotJobs;
  /** Finished executions for `npx convex logs` and `npx convex dev`. */
  readonly logs = new FunctionLogs();

  constructor(options: BackendOptions) {
    installGlobals();
    this.dataDir = options.dataDir;
    this.instanceName = options.instanceName ?? "convex-local";
    this.urls = {
      origin: options.origin ?? "http://127.0.0.1:3210",
      siteOrigin: options.siteOrigin ?? "http://127.0.0.1:3211",
    };
    const store = new Store(openDatabase(options.dataDir, options.syncMode), {
      snapshotWindowMs: options.snapshotWindowMs,
    });
    this.store = store;
    const registry = (this.registry = new Registry(store));
    this.environment = new Environment(store, registry, this.urls);
    setFallbackEnv(() => this.environment.environmentVariables());
    const sessionRequests = (this.sessionRequests = new SessionRequests(store.db));
    sessionRequests.forgetBefore(BigInt(realNow() - SESSION_REQUEST_RETENTION_MS) * 1_000_000n);
    const syscalls = new SyscallTable<Frame>();
    const clock = new CreationClock(realNow);
    this.executor = new Executor({
      store,
      registry,
      env: this.environment,
      syscalls,
      clock,
      logs: this.logs,
      instanceName: this.instanceName,
      sessionRequests,
      system: () => ({
        store,
        registry,
        storedEnvironmentVariables: () => this.environment.stored(),
        origin: () => this.urls.origin,
        snapshots: this.snapshots,
      }),
      actionTimeoutMs: options.actionTimeoutMs ?? DEFAULT_ACTION_TIMEOUT_MS,
      functionTimeoutMs: options.functionTimeoutMs ?? DEFAULT_FUNCTION_TIMEOUT_MS,
    });
    const runner = this.executor;
    this.httpActions = new HttpActionRunner(registry, this.executor.transactions, this.logs);
    syscalls.asyncOps["1.0/createFunctionHandle"] = (frame, args: FunctionAddress) => {
      const target = registry.resolveAddress(frame.component, args);
      return functionHandle(target.component, target.udfPath);
    };
    this.scheduler = new Scheduler({ store, runner, registry, logs: this.logs });
    this.files = new FileStorage(store, runner, this.urls);
    this.crons = new Crons(store, runner);
    installStorageSyscalls(syscalls, this.files);
    this.snapshots = new SnapshotJobs({
      store,
      registry,
      clock,
      runner,
      files: this.files,
      dataDir: this.dataDir,
    });
    this.deployment = new Deployment({
      dataDir: this.dataDir,
      store,
      registry,
      environment: this.environment,
      onActivate: (app) => {
        this.scheduler.reschedule();
        this.crons.setSpecs(app.crons);
      },
    });
  }

  get origin(): string {
    return this.urls.origin;
  }

  set origin(origin: string) {
    this.urls.origin = origin;
  }

  get siteOrigin(): string {
    return this.urls.siteOrigin;
  }

  set siteOrigin(siteOrigin: string) {
    this.urls.siteOrigin = siteOrigin;
  }

  /** Bundles and loads a convex/ folder (`--functions`), making it the live code. */
  deploy(functionsDir: string): Promise<void> {
    return this.deployment.deploy(functionsDir);
  }

  call(kind: UdfType | null, request: CallRequest, caller?: string): Promise<Outcome> {
    return this.executor.call(kind, request, caller);
  }

  close(): void {
    this.scheduler.stop();
    this.crons.stop();
    this.store.close();
  }
}
