import type { IncomingMessage, ServerResponse } from "node:http";
import { stageTimes } from "../diagnostics/stage-times.ts";
import { jsonToConvex, type JSONValue } from "convex/values";
import { encodeValueForFormat, parseValueFormat } from "../values/codec.ts";
import type { Backend } from "../runtime/backend.ts";
import type { Outcome } from "../runtime/functions/function-runner.ts";
import type { UdfType } from "../runtime/functions/function-types.ts";
import { HttpError, readJson, sendJson } from "./http-util.ts";
import type { Caller } from "./identity.ts";
import { decodeTs, encodeTs } from "./timestamps.ts";
import { SnapshotUnavailableError } from "../storage/store.ts";

/** Convex's message for errors it does not explain to clients (`INTERNAL_SERVER_ERROR_MSG`). */
const OUT_OF_RETENTION_MESSAGE = "Your request couldn't be completed. Try again later.";

type UdfRequestBody = {
  path?: unknown;
  args?: unknown;
  format?: unknown;
  componentPath?: unknown;
  ts?: unknown;
};

/** Legacy positional args come as a one-element array; anything else is the args object itself. */
export function normalizeArgs(args: unknown): JSONValue {
  if (args === undefined || args === null) return {};
  if (Array.isArray(args)) return (args[0] ?? {}) as JSONValue;
  return args as JSONValue;
}

function encode(value: JSONValue, format: string): JSONValue {
  if (format === "convex_encoded_json" || format === "convex_json") return value;
  return encodeValueForFormat(jsonToConvex(value), format);
}

function udfResponse(outcome: Outcome, format: string): Record<string, unknown> {
  const logLines = outcome.logLines.length > 0 ? { logLines: outcome.logLines } : {};
  if (outcome.status === "success")
    return { status: "success", value: encode(outcome.value, format), ...logLines };
  const body: Record<string, unknown> = {
    status: "error",
    errorMessage: outcome.errorMessage,
    ...logLines,
  };
  if (outcome.errorData !== undefined) body.errorData = encode(outcome.errorData, format);
  return body;
}

function parseFormat(format: unknown, fallback: string): string {
  if (format === undefined || format === null) return fallback;
  if (typeof format !== "string")
    throw new HttpError(400, "BadFormat", "`format` must be a string.");
  try {
    parseValueFormat(format);
  } catch (e) {
    throw new HttpError(400, "BadFormat", e instanceof Error ? e.message : String(e));
  }
  return format;
}

/** The `ts` of a `query_at_ts` body: base64 of a little-endian u64, as `/api/query_ts` answers. */
function parseTs(ts: unknown): bigint {
  if (typeof ts !== "string")
    throw new HttpError(400, "InvalidTimestamp", "The request body must have a string `ts`.");
  try {
    return decodeTs(ts);
  } catch {
    throw new HttpError(
      400,
      "InvalidTimestamp",
      `\`ts\` must be a timestamp from /api/query_ts (base64 of 8 bytes), got ${JSON.stringify(ts)}.`,
    );
  }
}

function checkSnapshot(backend: Backend, ts: bigint): void {
  try {
    backend.store.checkSnapshot(ts);
  } catch (e) {
    if (!(e instanceof SnapshotUnavailableError)) throw e;
    // Convex answers a snapshot outside its window with its OutOfRetention error: 503, generic body.
    if (e.reason === "outOfRetention")
      throw new HttpError(503, "InternalServerError", OUT_OF_RETENTION_MESSAGE);
    throw new HttpError(400, "InvalidTimestamp", e.message);
  }
}

async function runUdf(
  backend: Backend,
  caller: Caller,
  kind: UdfType | null,
  body: UdfRequestBody,
  defaultFormat: string,
  ts?: bigint,
) {
  if (typeof body.path !== "string")
    throw new HttpError(400, "MissingPath", "The request body must have a string `path`.");
  const format = parseFormat(body.format, defaultFormat);
  const componentPath =
    typeof body.componentPath === "string" && body.componentPath !== ""
      ? body.componentPath
      : undefined;
  // Checked in the same tick as the call starts its read, so no commit can move the window between.
  if (ts !== undefined) checkSnapshot(backend, ts);
  const outcome = await backend.call(kind, {
    udfPath: body.path,
    args: normalizeArgs(body.args),
    identity: caller.identity,
    isAdmin: caller.isAdmin,
    componentPath,
    ts,
  });
  const mark = stageTimes.start();
  const response = udfResponse(outcome, format);
  stageTimes.end("encode", mark);
  return response;
}

/** The client HTTP API under /api. Returns false when the path is not one of these routes. */
export async function handleUdfRoute(
  backend: Backend,
  caller: Caller,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  const method = req.method ?? "GET";
  if (method === "GET" && path === "/api/query") {
    const args = url.searchParams.get("args");
    const body = {
      path: url.searchParams.get("path") ?? undefined,
      args: args ? JSON.parse(args) : {},
      format: url.searchParams.get("format") ?? undefined,
    };
    sendJson(res, 200, await runUdf(backend, caller, "query", body, "json"));
    return true;
  }
  if (method !== "POST") return false;
  const kinds: Record<string, UdfType | null> = {
    "/api/query": "query",
    "/api/mutation": "mutation",
    "/api/action": "action",
    "/api/function": null,
  };
  if (path in kinds) {
    const body = (await readJson(req)) as UdfRequestBody;
    sendJson(res, 200, await runUdf(backend, caller, kinds[path]!, body, "json"));
    return true;
  }
  if (path === "/api/query_ts") {
    sendJson(res, 200, { ts: encodeTs(backend.store.latestTs()) });
    return true;
  }
  if (path === "/api/query_at_ts") {
    const body = (await readJson(req)) as UdfRequestBody;
    const ts = parseTs(body.ts);
    sendJson(res, 200, await runUdf(backend, caller, "query", body, "json", ts));
    return true;
  }
  if (path === "/api/query_batch") {
    const body = (await readJson(req)) as { queries?: UdfRequestBody[] };
    // Every query of the batch reads the same snapshot, as on Convex.
    const ts = backend.store.latestTs();
    const results = [];
    for (const q of body.queries ?? [])
      results.push(await runUdf(backend, caller, "query", q, "json", ts));
    sendJson(res, 200, { results });
    return true;
  }
  if (path.startsWith("/api/run/")) {
    const segments = path
      .slice("/api/run/".length)
      .split("/")
      .filter(Boolean)
      .map(decodeURIComponent);
    if (segments.length < 2)
      throw new HttpError(
        400,
        "MissingIdentifier",
        "Function path must be <module path>/<function name>.",
      );
    const udfPath = `${segments.slice(0, -1).join("/")}:${segments[segments.length - 1]}`;
    const body = (await readJson(req)) as UdfRequestBody;
    sendJson(
      res,
      200,
      await runUdf(
        backend,
        caller,
        null,
        { ...body, path: udfPath, componentPath: undefined },
        "json",
      ),
    );
    return true;
  }
  return false;
}
