import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import type { Backend } from "../runtime/backend.ts";
import { SyncSession } from "../sync/session.ts";
import { SubscriptionIndex } from "../sync/subscription-index.ts";
import { serveHttpAction } from "./http-actions.ts";
import { HttpError, readJson, sendError, sendJson, setCors } from "./http-util.ts";
import { AuthenticationError, callerFromHeader } from "./identity.ts";
import { handleUdfRoute } from "./udf-routes.ts";
import { handleStorageRoute } from "./storage-routes.ts";
import { handleDeployRoute } from "./deploy-routes.ts";
import { handleCliRoute } from "./cli-routes.ts";

const SERVER_VERSION = "convex-local-0.0.0";

/** Convex's sync socket takes messages up to tungstenite's default, 64 MiB; larger ones close it (1009). */
export const MAX_SYNC_MESSAGE_BYTES = 64 << 20;

/**
 * Clients are told to drop an idle connection after 5 s while the server keeps it for 30 s: a
 * request sent just before the advertised time then never meets a socket the server is closing,
 * which it would when a busy event loop runs the idle timer before reading the request.
 */
const ADVERTISED_KEEP_ALIVE = "timeout=5";
const KEEP_ALIVE_MS = 30_000;

type ServerOptions = {
  backend: Backend;
  host?: string;
  port?: number;
  sitePort?: number;
  /** Instance secret the admin key is derived from; null disables admin access. */
  instanceSecret: string | null;
};

export type RunningServer = { url: string; siteUrl: string; close(): Promise<void> };

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the deployment API (with the sync WebSocket) and the HTTP-actions site. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { backend, instanceSecret } = options;
  const host = options.host ?? "127.0.0.1";

  const api = createServer((req, res) => {
    res.setHeader("Keep-Alive", ADVERTISED_KEEP_ALIVE);
    void handleApi(backend, instanceSecret, req, res);
  });
  // HTTP actions answer CORS themselves (http.ts routes), exactly as on Convex.
  const site = createServer((req, res) => {
    res.setHeader("Keep-Alive", ADVERTISED_KEEP_ALIVE);
    serveHttpAction(backend, instanceSecret, req, res, req.url ?? "/").catch((e: unknown) =>
      sendError(res, e),
    );
  });
  api.keepAliveTimeout = site.keepAliveTimeout = KEEP_ALIVE_MS;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE_BYTES });
  const subscriptions = new SubscriptionIndex();
  const stopWatching = backend.store.onCommit((commit) => {
    for (const subscriber of subscriptions.affected(commit.writes)) subscriber.invalidate();
  });
  api.on("upgrade", (req, socket, head) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (!/^\/api\/([^/]+\/)?sync$/.test(path)) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(
      req,
      socket,
      head,
      (ws) => new SyncSession(backend, subscriptions, ws, instanceSecret, socket),
    );
  });

  const port = await listen(api, options.port ?? 3210, host);
  const sitePort = await listen(site, options.sitePort ?? 3211, host);
  const url = `http://${host}:${port}`;
  const siteUrl = `http://${host}:${sitePort}`;
  backend.origin = url;
  backend.siteOrigin = siteUrl;
  return {
    url,
    siteUrl,
    close: async () => {
      stopWatching();
      for (const client of wss.clients) client.terminate();
      wss.close();
      api.closeAllConnections();
      site.closeAllConnections();
      await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => site.close(r))]);
    },
  };
}

async function handleApi(
  backend: Backend,
  instanceSecret: string | null,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  setCors(req, res);
  try {
    if (req.method === "OPTIONS") {
      res.writeHead(200);
      res.end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method === "GET" && url.pathname === "/version") {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end(SERVER_VERSION);
      return;
    }
    // Liveness for supervisors and proxies (no admin key): the deployment API answers.
    if (req.method === "GET" && url.pathname === "/health") {
      sendJson(res, 200, { status: "ok", version: SERVER_VERSION });
      return;
    }
    if (req.method === "GET" && url.pathname === "/instance_name") {
      res.writeHead(200, { "Content-Type": "text/plain" });
      res.end(backend.instanceName);
      return;
    }
    if (url.pathname === "/http" || url.pathname.startsWith("/http/")) {
      await serveHttpAction(
        backend,
        instanceSecret,
        req,
        res,
        url.pathname.slice(5) + url.search || "/",
      );
      return;
    }
    if (await handleStorageRoute(backend, req, res, url)) return;
    if (await handleDeployRoute(backend, instanceSecret, req, res, url)) return;
    const header =
      req.headers.authorization ??
      (url.searchParams.get("adminKey") ? `Convex ${url.searchParams.get("adminKey")}` : undefined);
    const caller = await callerFromHeader(backend, header, instanceSecret).catch((e: unknown) => {
      if (e instanceof AuthenticationError) throw new HttpError(401, e.code, e.message);
      throw e;
    });
    if (await handleUdfRoute(backend, caller, req, res, url)) return;
    if (await handleCliRoute(backend, caller, req, res, url)) return;
    if (req.method === "POST" && url.pathname === "/api/update_environment_variables") {
      if (!caller.isAdmin)
        throw new HttpError(
          403,
          "Forbidden",
          "Setting environment variables requires an admin key.",
        );
      const body = (await readJson(req)) as {
        changes?: Array<{ name: string; value: string | null }>;
      };
      await backend.environment.set(body.changes ?? []);
      res.writeHead(200);
      res.end();
      return;
    }
    if (req.method === "GET" && url.pathname === "/api/v1/get_canonical_urls") {
      if (!caller.isAdmin)
        throw new HttpError(401, "Unauthenticated", "The admin key is missing or invalid.");
      sendJson(res, 200, { convexCloudUrl: backend.origin, convexSiteUrl: backend.siteOrigin });
      return;
    }
    if (req.method === "GET" && url.pathname === "/api/check_admin_key") {
      if (!caller.isAdmin)
        throw new HttpError(401, "Unauthenticated", "The admin key is missing or invalid.");
      sendJson(res, 200, { success: true, allowedOps: [], isReadOnly: false });
      return;
    }
    throw new HttpError(404, "NotFound", `No route for ${req.method} ${url.pathname}`);
  } catch (e) {
    if (!res.headersSent) sendError(res, e);
    else res.end();
  }
}
