import { AsyncLocalStorage } from "node:async_hooks";
import type { Store } from "../../storage/store.ts";
import type { Transaction } from "../../storage/transaction.ts";
import type { CodeRegistry } from "../functions/code-registry.ts";
import type { CreationTimes } from "./creation-clock.ts";
import type { EnvironmentSource } from "../environment/environment-source.ts";
import type { FunctionRunner } from "../functions/function-runner.ts";
import type { UdfType, UserIdentity } from "../functions/function-types.ts";
import type { SyscallTable } from "../syscalls/syscall-table.ts";
import type { UserClock } from "./user-time.ts";

/** What an execution reaches beyond its own state: narrow views of the deployment's parts. */
export type FrameHost = {
  store: Store;
  runner: FunctionRunner<Frame>;
  registry: CodeRegistry;
  syscalls: SyscallTable<Frame>;
  clock: CreationTimes;
  env: EnvironmentSource;
  instanceName: string;
};

export type QueryState = {
  streamId: number;
  /** Search queries are materialized in relevance order instead of streamed from an index. */
  results?: unknown[];
  operators: Array<{ filter?: unknown; limit?: number }>;
  counters: number[];
  ended: boolean;
};

/** Everything a syscall needs to know about the function execution it came from. */
export type Frame = {
  kind: UdfType;
  host: FrameHost;
  component: string;
  udfPath: string;
  requestId: string;
  identity: UserIdentity | null;
  /** Why the request's credentials were refused; HTTP actions still run, but reading the identity throws. */
  authError?: string;
  tx?: Transaction;
  /** The execution's open queries by id; made at its first query (most mutations make none). */
  queries?: Map<number, QueryState>;
  nextQueryId: { value: number };
  paginated: { value: boolean };
  logLines: string[];
  /** Set in queries and mutations, whose randomness and clock are deterministic. */
  random?: () => number;
  now?: number;
  scheduledJobId?: string | null;
  /** End cursor a subscription's journal pinned, so a re-run page ends where it ended before. */
  journalEndCursor?: string | null;
  /** End cursor of the page this execution returned, for the next journal. */
  pageEnd?: string;
  /** Queries' and mutations' own running time, limited as in Convex. */
  userClock?: UserClock;
  /** A `"use node"` action's runtime, whose console output Convex formats its own way. */
  runtime?: "isolate" | "node";
};

export const frames = new AsyncLocalStorage<Frame>();

export function currentFrame(): Frame {
  const frame = frames.getStore();
  if (!frame) throw new Error("Convex syscall made outside of a function execution.");
  return frame;
}
