import { setImmediate as nextTurn } from "node:timers/promises";
import type { JSONValue } from "convex/values";
import { randomId } from "../../ids/request-id.ts";
import type { SessionRequests } from "../../storage/session-requests.ts";
import type { ExtraWrite, Store } from "../../storage/store.ts";
import type { ReadSet } from "../../storage/read-set.ts";
import type { CodeRegistry } from "../functions/code-registry.ts";
import type { CreationTimes } from "./creation-clock.ts";
import type { EnvironmentSource } from "../environment/environment-source.ts";
import { failedOutcome, FunctionError, UnavailableError } from "../errors/errors.ts";
import type { Frame } from "./frame.ts";
import type {
  CallRequest,
  Completed,
  FunctionRunner,
  Outcome,
} from "../functions/function-runner.ts";
import type {
  FunctionAddress,
  ResolvedFunction,
  UdfType,
  UserIdentity,
} from "../functions/function-types.ts";
import { realNow } from "../environment/globals.ts";
import type { FunctionLogs, LogUdfType } from "./logs.ts";
import type { SyscallTable } from "../syscalls/syscall-table.ts";
import {
  ReactiveResult,
  systemFunction,
  type SystemContext,
} from "../functions/system-functions.ts";
import { Transactions } from "./transactions.ts";
import { udfTypeName } from "../functions/udf-type-name.ts";

type ExecutorOptions = {
  store: Store;
  registry: CodeRegistry;
  env: EnvironmentSource;
  syscalls: SyscallTable<Frame>;
  clock: CreationTimes;
  logs: FunctionLogs;
  instanceName: string;
  /** Outcomes of sync-protocol mutations by (session, request), for idempotent re-sends. */
  sessionRequests: SessionRequests;
  /** What the CLI's system queries read; asked for at call time. */
  system: () => SystemContext;
  actionTimeoutMs: number;
  functionTimeoutMs: number;
};

/** Runs functions for callers outside (API, sync, scheduler) and inside (`ctx.run*`) functions. */
export class Executor implements FunctionRunner<Frame> {
  private readonly store: Store;
  private readonly registry: CodeRegistry;
  private readonly logs: FunctionLogs;
  private readonly sessionRequests: SessionRequests;
  private readonly system: () => SystemContext;
  readonly transactions: Transactions;
  private readonly inflightQueries = new Map<string, Promise<Completed>>();

  constructor(options: ExecutorOptions) {
    this.store = options.store;
    this.registry = options.registry;
    this.logs = options.logs;
    this.sessionRequests = options.sessionRequests;
    this.system = options.system;
    this.transactions = new Transactions({
      host: {
        store: options.store,
        runner: this,
        registry: options.registry,
        syscalls: options.syscalls,
        clock: options.clock,
        env: options.env,
        instanceName: options.instanceName,
      },
      actionTimeoutMs: options.actionTimeoutMs,
      functionTimeoutMs: options.functionTimeoutMs,
    });
  }

  invoke(resolved: ResolvedFunction, frame: Frame, args: JSONValue): Promise<JSONValue> {
    return this.transactions.invoke(resolved, frame, args);
  }

  runMutationTx(
    component: string,
    resolved: ResolvedFunction | null,
    body: (frame: Frame) => Promise<JSONValue>,
    identity: UserIdentity | null,
    requestId: string,
    udfPath: string,
    onCommit?: (value: JSONValue) => ExtraWrite | undefined,
  ): Promise<Completed> {
    return this.transactions.runMutationTx(
      component,
      resolved,
      body,
      identity,
      requestId,
      udfPath,
      onCommit,
    );
  }

  systemMutation<T>(component: string, body: (frame: Frame) => T | Promise<T>): Promise<T> {
    return this.transactions.systemMutation(component, body);
  }

  systemQuery<T>(component: string, body: (frame: Frame) => T | Promise<T>): Promise<T> {
    return this.transactions.systemQuery(component, body);
  }

  async call(kind: UdfType | null, request: CallRequest, caller = "HttpApi"): Promise<Outcome> {
    const startedMs = realNow();
    const requestId = randomId();
    const { resolved, ...outcome } = await this.callUnlogged(kind, request, requestId);
    if (resolved)
      this.logs.record({
        udfType: udfTypeName(resolved.udfType) as LogUdfType,
        componentPath: request.componentPath ?? "",
        identifier: resolved.udfPath,
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
  ): Promise<Outcome & { resolved?: ResolvedFunction }> {
    const component = request.componentPath ?? "";
    let resolved: ResolvedFunction | undefined;
    try {
      if (component !== "" && !request.isAdmin) {
        throw new FunctionError(
          "Only admin or system users can call functions on non-root components directly",
        );
      }
      const system = request.isAdmin ? systemFunction(request.udfPath) : undefined;
      if (system) {
        const result = system(this.system(), request.args as Record<string, JSONValue>, component);
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
      resolved = this.registry.lookup(component, request.udfPath, kind, request.isAdmin);
      const completed =
        resolved.udfType === "query"
          ? await this.sharedQuery(component, resolved, request, requestId)
          : await this.runResolved(component, resolved, request, requestId);
      return { status: "success", resolved, ...completed };
    } catch (e) {
      if (e instanceof UnavailableError) throw e;
      const extra = e as { readSet?: ReadSet; ts?: bigint; logLines?: string[] };
      return {
        status: "error",
        resolved,
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
      return this.transactions.runQueryAt(
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

  private async runResolved(
    component: string,
    resolved: ResolvedFunction,
    request: CallRequest,
    requestId: string,
  ): Promise<Completed> {
    if (resolved.udfType === "query")
      return this.transactions.runQueryTx(
        component,
        resolved,
        request.args,
        request.identity,
        requestId,
        request.journal,
      );
    if (resolved.udfType === "action")
      return this.transactions.runActionCall(
        component,
        resolved,
        request.args,
        request.identity,
        requestId,
      );
    const key = request.mutationKey;
    if (key?.mayBeResent) {
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
      (frame) => this.transactions.invoke(resolved, frame, request.args),
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

  async runNested(
    parent: Frame,
    udfType: "query" | "mutation",
    address: FunctionAddress,
    args: JSONValue,
  ): Promise<JSONValue> {
    const target = this.registry.resolveAddress(parent.component, address);
    const resolved = this.registry.lookup(target.component, target.udfPath, udfType, true);
    if (udfType === "mutation" && parent.kind !== "mutation")
      throw new FunctionError("Queries cannot call mutations.");
    const frame: Frame = {
      ...this.transactions.newFrame(
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
      return await this.transactions.invoke(resolved, frame, args);
    } catch (e) {
      if (udfType === "mutation") parent.tx!.rollbackTo(savepoint);
      throw e;
    } finally {
      for (const q of frame.queries?.values() ?? []) parent.tx!.closeStream(q.streamId);
    }
  }

  async runFromAction(
    parent: Frame,
    udfType: UdfType,
    address: FunctionAddress,
    args: JSONValue,
  ): Promise<JSONValue> {
    const target = this.registry.resolveAddress(parent.component, address);
    const resolved = this.registry.lookup(target.component, target.udfPath, udfType, true);
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
}
