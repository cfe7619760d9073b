import type { JSONValue } from "convex/values";
import type { ReadSet } from "../../storage/read-set.ts";
import type { ExtraWrite } from "../../storage/store.ts";
import type { FunctionAddress, ResolvedFunction, UdfType, UserIdentity } from "./function-types.ts";

export type CallRequest = {
  udfPath: string;
  args: JSONValue;
  identity: UserIdentity | null;
  isAdmin: boolean;
  componentPath?: string;
  /**
   * (sessionId, requestId) of a sync-protocol mutation, for idempotent re-sends. `mayBeResent` is
   * false when no request of the session had run when its connection began: nothing to look up.
   */
  mutationKey?: { sessionId: string; requestId: number; mayBeResent: boolean };
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

export type Completed = {
  value: JSONValue;
  logLines: string[];
  ts?: bigint;
  readSet?: ReadSet;
  journal?: string | null;
};

/**
 * Runs functions and the runtime's own transactions. `F` is the execution frame; it is a parameter
 * so this module need not import the frame, which holds a runner.
 */
export interface FunctionRunner<F> {
  /** A call from outside (HTTP API, sync protocol, scheduler); errors come back as outcomes. */
  call(kind: UdfType | null, request: CallRequest, caller?: string): Promise<Outcome>;
  /** Runs one function body in a frame; throws whatever the function threw. */
  invoke(resolved: ResolvedFunction, frame: F, args: JSONValue): Promise<JSONValue>;
  runMutationTx(
    component: string,
    resolved: ResolvedFunction | null,
    body: (frame: F) => Promise<JSONValue>,
    identity: UserIdentity | null,
    requestId: string,
    udfPath: string,
    onCommit?: (value: JSONValue) => ExtraWrite | undefined,
  ): Promise<Completed>;
  /** Runs `body` as a mutation of the runtime itself (scheduler bookkeeping and the like). */
  systemMutation<T>(component: string, body: (frame: F) => T | Promise<T>): Promise<T>;
  /** Runs `body` as a read-only query of the runtime itself, at the latest state. */
  systemQuery<T>(component: string, body: (frame: F) => T | Promise<T>): Promise<T>;
  /** `ctx.runQuery` / `ctx.runMutation` inside a query or mutation: same transaction. */
  runNested(
    parent: F,
    udfType: "query" | "mutation",
    address: FunctionAddress,
    args: JSONValue,
  ): Promise<JSONValue>;
  /** `ctx.runQuery` / `ctx.runMutation` / `ctx.runAction` from an action: separate transactions. */
  runFromAction(
    parent: F,
    udfType: UdfType,
    address: FunctionAddress,
    args: JSONValue,
  ): Promise<JSONValue>;
}
