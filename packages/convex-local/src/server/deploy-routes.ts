import { type IncomingMessage, type ServerResponse } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { checkAdminKey } from "../auth/admin-key.ts";
import { type Backend } from "../runtime/backend.ts";
import { type StartPushRequest } from "../runtime/push.ts";
import { HttpError, readBody, sendJson } from "./http-util.ts";

/** The CLI's push bodies carry every bundle with its source map; components make them large. */
const MAX_PUSH_BYTES = 512 * 1024 * 1024;

const ROUTES = new Set([
  "/api/get_config_hashes",
  "/api/deploy2/start_push",
  "/api/deploy2/wait_for_schema",
  "/api/deploy2/finish_push",
  "/api/deploy2/report_push_completed",
  "/api/deploy2/evaluate_schema",
  "/api/deploy2/evaluate_push",
]);

async function readPushBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = await readBody(req, MAX_PUSH_BYTES);
  const encoding = req.headers["content-encoding"];
  if (encoding === "br") body = brotliDecompressSync(body);
  else if (encoding === "gzip") body = gunzipSync(body);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, "BadJsonBody", "The request body is not valid JSON.");
  }
}

/** Both the body's `adminKey` and an `Authorization: Convex <key>` header must be valid when given. */
function requireAdmin(
  backend: Backend,
  instanceSecret: string | null,
  req: IncomingMessage,
  body: Record<string, unknown>,
): void {
  const header = req.headers.authorization;
  const keys = [
    typeof body.adminKey === "string" ? body.adminKey : undefined,
    header?.startsWith("Convex ") ? header.slice("Convex ".length) : undefined,
  ].filter((k): k is string => k !== undefined);
  const valid =
    instanceSecret !== null &&
    keys.length > 0 &&
    keys.every((k) => checkAdminKey(k, backend.instanceName, instanceSecret));
  if (!valid) throw new HttpError(401, "BadAdminKey", "The provided admin key was invalid.");
}

/** The admin routes `npx convex deploy|dev|codegen` push code through; false if `url` is not one. */
export async function handleDeployRoute(
  backend: Backend,
  instanceSecret: string | null,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (req.method !== "POST" || !ROUTES.has(url.pathname)) return false;
  const body = await readPushBody(req);
  requireAdmin(backend, instanceSecret, req, body);
  switch (url.pathname) {
    case "/api/get_config_hashes":
      // The CLI sends modules whose hash matches as `unchangedModuleHashes` instead of uploading them.
      sendJson(res, 200, {
        config: { functions: "convex/" },
        moduleHashes: backend.moduleHashes(),
        udfServerVersion: "1.49.0",
        nodeVersion: null,
      });
      return true;
    case "/api/deploy2/start_push":
      sendJson(res, 200, await startPush(backend, body as unknown as StartPushRequest));
      return true;
    case "/api/deploy2/wait_for_schema":
      sendJson(res, 200, backend.waitForSchema(pushIdOf(body.schemaChange)));
      return true;
    case "/api/deploy2/finish_push": {
      const startPush = body.startPush as { schemaChange?: unknown } | undefined;
      const componentDiffs = await backend.finishPush(
        pushIdOf(startPush?.schemaChange),
        body.dryRun === true,
      );
      sendJson(res, 200, {
        authDiff: { added: [], removed: [] },
        definitionDiffs: {},
        componentDiffs,
      });
      return true;
    }
    // Advisory checks before a deploy (large index deletions, backfills): predict no changes.
    case "/api/deploy2/evaluate_schema":
      sendJson(res, 200, { componentSchemaEvaluations: {}, newComponentDefinitions: [] });
      return true;
    case "/api/deploy2/evaluate_push":
      sendJson(res, 200, { schemaChange: { allocatedComponentIds: {}, schemaIds: {} } });
      return true;
    default:
      sendJson(res, 200, null);
      return true;
  }
}

/** Code that throws while being imported or analysed is the pusher's to fix: a 400, not a 500. */
async function startPush(backend: Backend, request: StartPushRequest): Promise<unknown> {
  try {
    return await backend.startPush(request);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new HttpError(400, "InvalidModules", `Loading the pushed code failed: ${message}`);
  }
}

function pushIdOf(schemaChange: unknown): string {
  const id = (schemaChange as { pushId?: unknown } | undefined)?.pushId;
  if (typeof id !== "string")
    throw new HttpError(400, "BadPush", "schemaChange.pushId is missing.");
  return id;
}
