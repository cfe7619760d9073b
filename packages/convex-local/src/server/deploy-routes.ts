import type { IncomingMessage, ServerResponse } from "node:http";
import { checkAdminKey } from "../auth/admin-key.ts";
import type { Backend } from "../runtime/backend.ts";
import type { StartPushRequest } from "../runtime/push/push.ts";
import { decodeBody } from "./decompress.ts";
import { HttpError, readBody, sendJson } from "./http-util.ts";

/** Convex's `MAX_PUSH_BYTES`, on the decompressed body: every bundle with its source map. */
const MAX_PUSH_BYTES = 200_000_000;

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
  const body = await decodeBody(
    await readBody(req, MAX_PUSH_BYTES),
    req.headers["content-encoding"],
    MAX_PUSH_BYTES,
  );
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, "BadJsonBody", "The request body is not valid JSON.");
  }
}

/**
 * The `Authorization: Convex <key>` header (which the CLI always sends) is checked before the body
 * is read, so nobody without the key gets a push body buffered or inflated; a body `adminKey`, when
 * given, must be valid too.
 */
function requireAdmin(backend: Backend, instanceSecret: string | null, key: unknown): void {
  const valid =
    instanceSecret !== null &&
    typeof key === "string" &&
    checkAdminKey(key, backend.instanceName, instanceSecret);
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
  const header = req.headers.authorization;
  requireAdmin(backend, instanceSecret, header?.startsWith("Convex ") ? header.slice(7) : null);
  const body = await readPushBody(req);
  if (body.adminKey !== undefined) requireAdmin(backend, instanceSecret, body.adminKey);
  switch (url.pathname) {
    case "/api/get_config_hashes":
      // The CLI sends modules whose hash matches as `unchangedModuleHashes` instead of uploading them.
      sendJson(res, 200, {
        config: { functions: "convex/" },
        moduleHashes: backend.deployment.moduleHashes(),
        udfServerVersion: "1.49.0",
        nodeVersion: null,
      });
      return true;
    case "/api/deploy2/start_push":
      sendJson(res, 200, await startPush(backend, body as unknown as StartPushRequest));
      return true;
    case "/api/deploy2/wait_for_schema":
      sendJson(res, 200, backend.deployment.waitForSchema(pushIdOf(body.schemaChange)));
      return true;
    case "/api/deploy2/finish_push": {
      const startPush = body.startPush as { schemaChange?: unknown } | undefined;
      const componentDiffs = await backend.deployment.finishPush(
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
    return await backend.deployment.startPush(request);
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
