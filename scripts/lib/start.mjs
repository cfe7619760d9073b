import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { assertPortFree, spawnLabelled, stopProcessGroup, waitForHttp } from "./processes.mjs";
import { serveStatic } from "./static-server.mjs";

function log(message) {
  process.stdout.write(`[echo] ${message}\n`);
}

function port(name, fallback) {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`${name} must be a port number, got ${process.env[name]}`);
  }
  return value;
}

/**
 * README command 1: builds what changed, starts the backend, dashboard, widget and the embed demo
 * page in local mode, prints their URLs, and stops everything on Ctrl-C.
 */
export async function start(root) {
  const startedAt = Date.now();
  const ports = {
    backend: port("ECHO_BACKEND_PORT", 3210),
    site: port("ECHO_SITE_PORT", 3211),
    web: port("ECHO_WEB_PORT", 3000),
    widget: port("ECHO_WIDGET_PORT", 3001),
    demo: port("ECHO_DEMO_PORT", 3002),
  };
  const convexLocalBin = join(root, "packages/convex-local/bin/convex-local.js");
  const hasBackend = existsSync(convexLocalBin);
  const purposes = {
    backend: "Convex backend",
    site: "Convex HTTP actions",
    web: "dashboard",
    widget: "widget",
    demo: "embed demo page",
  };
  for (const [key, value] of Object.entries(ports)) {
    if (!hasBackend && (key === "backend" || key === "site")) continue;
    await assertPortFree(value, purposes[key]);
  }

  const backendUrl = `http://127.0.0.1:${ports.backend}`;
  const widgetUrl = `http://localhost:${ports.widget}`;
  const env = {
    ...process.env,
    NEXT_PUBLIC_CONVEX_URL: backendUrl,
    NEXT_PUBLIC_WIDGET_URL: widgetUrl,
    VITE_WIDGET_URL: widgetUrl,
  };

  log("building the apps (cached when nothing changed)");
  const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (build.status !== 0) throw new Error(`the build failed with exit code ${build.status}`);

  const children = [];
  const servers = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    log("stopping every process");
    await Promise.all(children.map((child) => stopProcessGroup(child)));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    process.exit(code);
  };
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
  const supervise = (label, child) => {
    children.push(child);
    child.on("exit", (code, signal) => {
      if (stopping) return;
      log(`${label} exited (${signal ?? `code ${code}`}); stopping the rest`);
      void stopAll(1);
    });
    return child;
  };

  if (hasBackend) {
    supervise(
      "backend",
      spawnLabelled(
        "backend",
        "node",
        [
          convexLocalBin,
          "--port",
          String(ports.backend),
          "--site-port",
          String(ports.site),
          "--data",
          join(root, ".convex-local"),
          "--functions",
          join(root, "packages/backend/convex"),
        ],
        { cwd: root, env },
      ),
    );
  }
  supervise(
    "web",
    spawnLabelled(
      "web",
      "pnpm",
      ["--filter", "@echo/web", "exec", "next", "start", "--port", String(ports.web)],
      { cwd: root, env },
    ),
  );
  supervise(
    "widget",
    spawnLabelled(
      "widget",
      "pnpm",
      ["--filter", "@echo/widget", "exec", "next", "start", "--port", String(ports.widget)],
      { cwd: root, env },
    ),
  );
  servers.push(
    await serveStatic(join(root, "apps/embed"), { port: ports.demo, index: "demo.html" }),
  );

  const urls = {
    dashboard: `http://localhost:${ports.web}`,
    widget: widgetUrl,
    "embed demo page": `http://localhost:${ports.demo}`,
    ...(hasBackend
      ? { "Convex backend": backendUrl, "Convex HTTP actions": `http://127.0.0.1:${ports.site}` }
      : {}),
  };
  await Promise.all([
    waitForHttp(urls.dashboard),
    waitForHttp(urls.widget),
    ...(hasBackend ? [waitForHttp(`${backendUrl}/version`)] : []),
  ]);

  log(`Echo is up in local mode (${((Date.now() - startedAt) / 1000).toFixed(1)} s):`);
  for (const [name, url] of Object.entries(urls)) log(`  ${name.padEnd(20)} ${url}`);
  if (!hasBackend) log("  (the Convex backend is not built yet: packages/convex-local has no bin)");
  log("demo login: none yet; the self-hosted identity provider is not built");
  log("press Ctrl-C to stop");
}
