import type { JSONValue } from "convex/values";
import { stageTimes } from "../../diagnostics/stage-times.ts";
import { randomId } from "../../ids/request-id.ts";
import { ConflictError, type ExtraWrite, type Store } from "../../storage/store.ts";
import type { Transaction } from "../../storage/transaction.ts";
import type { ReadSet } from "../../storage/read-set.ts";
import { seededRandom } from "../../values/random-values.ts";
import { backoff, timeoutMessage, withTimeout } from "./execution-timeout.ts";
import { type Frame, type FrameHost, frames } from "./frame.ts";
import { checkArgsSize, checkResultSize } from "../functions/function-limits.ts";
import type { CallRequest, Completed } from "../functions/function-runner.ts";
import type { ResolvedFunction, UdfType, UserIdentity } from "../functions/function-types.ts";
import { checkArgs, checkReturns } from "../functions/function-validators.ts";
import { realNow } from "../environment/globals.ts";
import { failOnUncaught } from "../errors/uncaught-errors.ts";
import { occFailure } from "../errors/errors.ts";
import { checkUserTime, ownCodeMs, startUserClock } from "./user-time.ts";

const MAX_OCC_RETRIES = 32;
/** Wall-clock backstop for queries and mutations, whose own code is limited by `functionTimeoutMs`. */
const TRANSACTION_TIMEOUT_MS = 20_000;
const TRANSACTION_TIMEOUT_MESSAGE = timeoutMessage(TRANSACTION_TIMEOUT_MS);

/** Executions in frames: one function body, and the transactions (with OCC retries) around it. */
export class Transactions {
  private readonly store: Store;
  private readonly host: FrameHost;
  readonly actionTimeoutMs: number;
  private readonly functionTimeoutMs: number;

  constructor(options: { host: FrameHost; actionTimeoutMs: number; functionTimeoutMs: number }) {
    this.host = options.host;
    this.store = options.host.store;
    this.actionTimeoutMs = options.actionTimeoutMs;
    this.functionTimeoutMs = options.functionTimeoutMs;
  }

  newFrame(
    kind: UdfType,
    component: string,
    udfPath: string,
    identity: UserIdentity | null,
    requestId: string,
  ): Frame {
    const deterministic = kind !== "action";
    return {
      kind,
      host: this.host,
      component,
      udfPath,
      requestId,
      identity,
      nextQueryId: { value: 1 },
      paginated: { value: false },
      logLines: [],
      // Each execution gets its own seed; two runs in the same millisecond must not share random values.
      random: deterministic ? seededRandom((Math.random() * 2 ** 32) >>> 0) : undefined,
      now: deterministic ? realNow() : undefined,
    };
  }

  async runQueryTx(
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
  async runQueryAt(
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
    onCommit?: (value: JSONValue) => ExtraWrite | undefined,
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
        if (!(e instanceof ConflictError)) throw withReads(e, undefined, undefined, frame.logLines);
        // Conflicting on every retry fails the request as Convex does: HTTP 503, and a sync socket
        // closed so that its client sends the mutation again.
        if (attempt >= MAX_OCC_RETRIES) throw occFailure();
        await backoff(attempt);
      }
    }
  }

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

  async runActionCall(
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

  /** Runs one function body in a frame; throws whatever the function threw. */
  async invoke(resolved: ResolvedFunction, frame: Frame, args: JSONValue): Promise<JSONValue> {
    const validating = stageTimes.start();
    const argsStr = JSON.stringify([args]);
    const validation = () => frame.host.registry.validationContext(frame.component);
    checkArgsSize(resolved.udfPath, args, argsStr);
    checkArgs(resolved.fn, args, validation);
    stageTimes.end("validation", validating);
    const fn = resolved.fn;
    if (resolved.udfType !== "action") frame.userClock = startUserClock(this.functionTimeoutMs);
    frame.runtime = resolved.runtime;
    const running = frames.run(frame, () => {
      if (resolved.udfType === "query") return fn.invokeQuery!(argsStr);
      if (resolved.udfType === "mutation") return fn.invokeMutation!(argsStr);
      return fn.invokeAction!(frame.requestId, argsStr);
    });
    let resultStr: string;
    try {
      resultStr =
        resolved.udfType === "action"
          ? await withTimeout(
              failOnUncaught(frame, running),
              this.actionTimeoutMs,
              timeoutMessage(
                this.actionTimeoutMs,
                resolved.runtime === "node" ? resolved.udfPath.split(":")[1] : undefined,
              ),
            )
          : await withTimeout(running, TRANSACTION_TIMEOUT_MS, TRANSACTION_TIMEOUT_MESSAGE);
    } catch (e) {
      throw frame.userClock?.expired ?? e;
    }
    checkUserTime(frame.userClock);
    if (frame.userClock) stageTimes.add("run", ownCodeMs(frame.userClock));
    const checking = stageTimes.start();
    const value = JSON.parse(resultStr) as JSONValue;
    checkResultSize(resolved.udfPath, value, resultStr);
    checkReturns(resolved.fn, value, validation);
    stageTimes.end("validation", checking);
    return value;
  }
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
