import type { JSONValue } from "convex/values";
import { stageTimes } from "../../diagnostics/stage-times.ts";
import * as db from "./db-syscalls.ts";
import * as queries from "./query-syscalls.ts";
import { nestedCallError, occFailure, syscallError, UnavailableError } from "../errors/errors.ts";
import { currentFrame, type Frame } from "../execution/frame.ts";
import { timedSyncSyscall, timedSyscall } from "../execution/user-time.ts";
import { scheduleJob, cancelJob } from "../scheduler/scheduler-syscalls.ts";
import { actionVectorSearch } from "../vector-syscalls.ts";

type FunctionAddress = { name?: string; reference?: string; functionHandle?: string };

const syncOps: Record<string, (frame: Frame, args: never) => unknown> = {
  "1.0/queryStream": queries.queryStream,
  "1.0/queryCleanup": queries.queryCleanup,
  "1.0/db/normalizeId": db.normalizeId,
  "1.0/getSnapshotTs": (frame) => ({
    $integer: Buffer.from(bigintBytes(frame.tx?.beginTs ?? frame.host.store.latestTs())).toString(
      "base64",
    ),
  }),
};

function bigintBytes(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, value, true);
  return out;
}

const asyncOps: Record<string, (frame: Frame, args: never) => unknown> = {
  "1.0/get": db.dbGet,
  "1.0/queryStreamNext": queries.queryStreamNext,
  "1.0/queryPage": queries.queryPage,
  "1.0/count": queries.count,
  "1.0/insert": db.insert,
  "1.0/shallowMerge": db.shallowMerge,
  "1.0/replace": db.replace,
  "1.0/remove": db.remove,
  "1.0/getUserIdentity": (frame) => {
    if (frame.authError !== undefined) throw new Error(frame.authError);
    return frame.identity;
  },
  "1.0/runUdf": (
    frame,
    args: FunctionAddress & { udfType: "query" | "mutation" | "snapshotQuery"; args: JSONValue },
  ) =>
    frame.host.runner.runNested(
      frame,
      args.udfType === "snapshotQuery" ? "query" : args.udfType,
      args,
      args.args,
    ),
  "1.0/actions/query": (frame, args: FunctionAddress & { args: JSONValue }) =>
    frame.host.runner.runFromAction(frame, "query", args, args.args),
  "1.0/actions/mutation": (frame, args: FunctionAddress & { args: JSONValue }) =>
    frame.host.runner.runFromAction(frame, "mutation", args, args.args),
  "1.0/actions/action": (frame, args: FunctionAddress & { args: JSONValue }) =>
    frame.host.runner.runFromAction(frame, "action", args, args.args),
  "1.0/schedule": scheduleJob,
  "1.0/actions/schedule": scheduleJob,
  "1.0/cancel_job": cancelJob,
  "1.0/actions/cancel_job": cancelJob,
  "1.0/getFunctionMetadata": (frame) => ({ name: frame.udfPath, componentPath: frame.component }),
  "1.0/getDeploymentMetadata": (frame) => ({
    name: frame.host.instanceName,
    region: null,
    class: "local",
  }),
  "1.0/getRequestMetadata": (frame) => ({
    ip: null,
    userAgent: null,
    requestId: frame.requestId,
    scheduledFunctionId: frame.scheduledJobId ?? null,
    authToken: null,
  }),
  "1.0/getTransactionMetrics": (frame) => {
    const metric = (used: number, limit: number) => ({
      used,
      remaining: Math.max(0, limit - used),
    });
    return {
      bytesRead: metric(0, 16 * 1024 * 1024),
      bytesWritten: metric(0, 16 * 1024 * 1024),
      databaseQueries: metric(frame.nextQueryId.value - 1, 4096),
      documentsRead: metric(frame.tx?.documentsRead ?? 0, 32000),
      documentsWritten: metric(frame.tx?.userWrites ?? 0, 16000),
      functionsScheduled: metric(0, 1000),
      scheduledFunctionArgsBytes: metric(0, 16 * 1024 * 1024),
    };
  },
  "1.0/auditLog": () => null,
  "1.0/actions/vectorSearch": actionVectorSearch,
};

/** Syscalls with which Convex lets code fail its request as the deployment itself would. */
const FAILURES: Record<string, () => UnavailableError> = {
  throwOcc: occFailure,
  throwOverloaded: () => new UnavailableError("Busy", "I'm a bit busy."),
};

export function syscall(op: string, jsonArgs: string): string {
  const frame = currentFrame();
  const failure = FAILURES[op];
  if (failure) throw failure();
  const handler = syncOps[op];
  if (!handler) throw new Error(`Unknown syscall ${op}`);
  try {
    return timedSyncSyscall(frame.userClock, () => {
      const mark = stageTimes.start();
      try {
        return JSON.stringify(handler(frame, JSON.parse(jsonArgs) as never) ?? null);
      } finally {
        stageTimes.end("reads", mark);
      }
    });
  } catch (e) {
    throw syscallError(e);
  }
}

/** Database syscalls, by the stage the bench charges them to. */
const READ_OPS = new Set(["1.0/get", "1.0/queryStreamNext", "1.0/queryPage", "1.0/count"]);
const WRITE_OPS = new Set(["1.0/insert", "1.0/shallowMerge", "1.0/replace", "1.0/remove"]);

/** Syscalls that run another function: its error reaches the caller as Convex nests it. */
const NESTED_CALLS = new Set([
  "1.0/runUdf",
  "1.0/actions/query",
  "1.0/actions/mutation",
  "1.0/actions/action",
]);

export async function asyncSyscall(op: string, jsonArgs: string): Promise<string> {
  const frame = currentFrame();
  const handler = asyncOps[op] ?? frame.host.syscalls.asyncOps[op];
  if (!handler) throw new Error(`Unknown syscall ${op}`);
  try {
    const stage = WRITE_OPS.has(op) ? "writes" : READ_OPS.has(op) ? "reads" : null;
    const result = await timedSyscall(frame.userClock, async () => {
      const mark = stage ? stageTimes.start() : 0;
      try {
        return handler(frame, JSON.parse(jsonArgs) as never);
      } finally {
        if (stage) stageTimes.end(stage, mark);
      }
    });
    return JSON.stringify(result ?? null);
  } catch (e) {
    throw NESTED_CALLS.has(op) ? nestedCallError(e) : syscallError(e);
  }
}

export function jsSyscall(op: string, args: Record<string, unknown>): unknown {
  const frame = currentFrame();
  const handler = frame.host.syscalls.jsOps[op];
  if (!handler) throw new Error(`Unknown syscall ${op}`);
  return handler(frame, args as never);
}
