import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

import { runConvexCli } from "./convex-cli.mjs";
import { fingerprintFiles } from "./fingerprint.mjs";
import { followFunctionLogs } from "./function-logs.mjs";
import { backendAnswers } from "./health.mjs";
import { startMailSink } from "../../packages/mail-sink/src/index.ts";
import { startWhatsAppSim } from "../../packages/whatsapp-sim/src/index.ts";
import { assertPortFree, spawnLabelled, stopProcessGroup, waitForHttp } from "./processes.mjs";
import { demoSignIn } from "./demo-sign-in.mjs";
import { DEMO_LOGIN, seedDemo } from "./seed-demo.mjs";
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

export function defaultPorts() {
  return {
    backend: port("ECHO_BACKEND_PORT", 3210),
    site: port("ECHO_SITE_PORT", 3211),
    web: port("ECHO_WEB_PORT", 3000),
    widget: port("ECHO_WIDGET_PORT", 3001),
    demo: port("ECHO_DEMO_PORT", 3002),
    mail: port("ECHO_MAIL_PORT", 3003),
    smtp: port("ECHO_SMTP_PORT", 3025),
    whatsapp: port("ECHO_WHATSAPP_PORT", 3004),
  };
}

/**
 * The address the dashboard, widget and demo page listen on: this machine only (127.0.0.1), unless
 * ECHO_HOST names another (e.g. 0.0.0.0 to reach them from the network).
 */
export function listenHost() {
  return process.env.ECHO_HOST?.trim() || "127.0.0.1";
}

const PURPOSES = {
  backend: "Convex backend",
  site: "Convex HTTP actions",
  web: "dashboard",
  widget: "widget",
  demo: "embed demo page",
  mail: "local mail sink page",
  smtp: "local SMTP sink",
  whatsapp: "local WhatsApp simulator",
};

async function assertPortsFree(ports, hasBackend) {
  for (const [key, value] of Object.entries(ports)) {
    if (!hasBackend && (key === "backend" || key === "site")) continue;
    await assertPortFree(value, PURPOSES[key]);
  }
}

/**
 * Runs the Turborepo build; unchanged packages come from its cache. Turbo's own launcher, run by
 * Node itself: `pnpm exec` would first load pnpm (about a CPU-second) only to find it.
 */
export function buildAll(root, env) {
  const turbo = createRequire(join(root, "package.json")).resolve("turbo/bin/turbo");
  const args = [turbo, "run", "build", "--output-logs=errors-only"];
  const build = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) throw new Error(`the build failed with exit code ${build.status}`);
}

// Deployment environment of the backend: the self-hosted identity provider it trusts
// (auth.config.ts), the secret its identity webhook checks, and the master key that encrypts
// organizations' secrets (Vapi keys) when AWS Secrets Manager is not configured.
function deploymentEnv(urls, secrets, extra) {
  return {
    ...extra,
    // Links in emails, and where email goes: the local sink unless the deployment names a provider.
    ECHO_WEB_URL: urls.dashboard,
    ECHO_WIDGET_URL: urls.widget,
    SMTP_URL: process.env.SMTP_URL || urls.smtp,
    SMTP_FROM: process.env.SMTP_FROM || "Echo <no-reply@echo.local>",
    ECHO_AUTH_ISSUER: urls.dashboard,
    ECHO_AUTH_JWKS_URL: `${urls.dashboard}/api/auth/jwks`,
    IDENTITY_WEBHOOK_SECRET: secrets.identityWebhook,
    ECHO_SECRETS_KEY: secrets.masterKey,
  };
}

/** A random secret generated on the first run and kept in the data folder. */
export function persistentSecret(dataDir, name, generate) {
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, generate(), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Walks a folder, skipping dependencies and generated build output, in a stable order. */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !["node_modules", ".test-results", ".turbo"].includes(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    });
}

/**
 * Fingerprint of what `npx convex deploy` pushes: packages/backend/convex and the manifests that
 * pin its dependencies, the workspace lockfile included (it alone pins the dependencies'
 * dependencies, which the push bundles too). Equal fingerprints mean the deployed code is current.
 */
export function backendCodeHash(root) {
  const backend = join(root, "packages/backend");
  return fingerprintFiles(backend, [
    join(root, "pnpm-lock.yaml"),
    join(backend, "package.json"),
    join(backend, "convex.json"),
    ...filesUnder(join(backend, "convex")),
  ]);
}

/**
 * Pushes packages/backend to the running backend with the official Convex CLI, as for a
 * self-hosted deployment, kept offline (no telemetry, no version check). Codegen is off because
 * convex/_generated is committed; npm test's typecheck step checks the functions.
 */
export function deployBackend(root, { backendUrl, adminKey, env, logFile, onSpawn }) {
  return runConvexCli(root, ["deploy", "--yes", "--typecheck", "disable", "--codegen", "disable"], {
    backendUrl,
    adminKey,
    env,
    logFile,
    onSpawn,
  });
}

/** The readiness endpoints of a running stack (docs/deploy-server.md lists them). */
export function readinessUrls(urls) {
  return [
    `${urls.dashboard}/api/health/ready`,
    `${urls.widget}/api/health/ready`,
    `${urls.site}/health`,
  ];
}

/** When each startup step finished, in seconds since the stack began starting; steps overlap. */
function startupPhases() {
  const startedAt = Date.now();
  const reached = [];
  return {
    reached: (name) => reached.push([name, (Date.now() - startedAt) / 1000]),
    summary: () => reached.map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`).join(", "),
  };
}

/** Resolves once every service's readiness endpoint answers 200. */
async function waitUntilUsable(urls, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answers = await Promise.all(
      readinessUrls(urls).map(async (url) => {
        const response = await fetch(url, { signal: AbortSignal.timeout(5000) }).catch(() => null);
        return { url, status: response?.status ?? "no answer" };
      }),
    );
    const waiting = answers.filter(({ status }) => status !== 200);
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `not ready within ${timeoutMs} ms: ${waiting.map(({ url, status }) => `${url} (${status})`).join(", ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * `next start` for an app, run by Node itself: a pnpm or npm wrapper would hold ~100 MiB of RSS
 * for the life of the server.
 */
export function nextStartCommand(root, app, { host, port }) {
  const dir = join(root, "apps", app);
  const next = createRequire(join(dir, "package.json")).resolve("next/dist/bin/next");
  return [next, "start", dir, "--hostname", host, "--port", String(port)];
}

/**
 * Starts the local-mode stack from built apps: backend (when packages/convex-local has its bin)
 * with packages/backend deployed to it by the Convex CLI (skipped when the deployed code is
 * current), dashboard, widget and the embed demo page, then seeds the demo idempotently. Resolves
 * once the dashboard and the backend are usable. `onExit` is called when a service dies on its
 * own later; `restartBackend()` stops the backend and starts it again on the same data and port.
 * `backendEnv` adds to the backend's environment (the e2e stack shortens delays with it).
 */
export async function startStack(
  root,
  { ports, dataDir, onExit = () => {}, logDir, seed = true, signal, backendEnv = {} },
) {
  const convexLocalBin = join(root, "packages/convex-local/bin/convex-local.js");
  const hasBackend = existsSync(convexLocalBin);
  const phases = startupPhases();
  await assertPortsFree(ports, hasBackend);
  mkdirSync(dataDir, { recursive: true });
  if (logDir) mkdirSync(logDir, { recursive: true });

  const urls = {
    dashboard: `http://localhost:${ports.web}`,
    widget: `http://localhost:${ports.widget}`,
    demo: `http://localhost:${ports.demo}`,
    backend: `http://127.0.0.1:${ports.backend}`,
    site: `http://127.0.0.1:${ports.site}`,
  };
  const mailSink = await startMailSink({
    smtpPort: ports.smtp ?? 0,
    httpPort: ports.mail ?? 0,
    file: join(dataDir, "mail", "mail.jsonl"),
  });
  urls.mail = mailSink.webUrl;
  urls.smtp = mailSink.smtpUrl;
  const whatsappSim = await startWhatsAppSim({
    port: ports.whatsapp ?? 0,
    host: listenHost(),
    apiKey: persistentSecret(dataDir, "whatsapp-sim-key", () => randomBytes(24).toString("hex")),
    file: join(dataDir, "whatsapp", "messages.jsonl"),
  });
  urls.whatsapp = whatsappSim.url;
  const secrets = {
    identityWebhook: persistentSecret(
      dataDir,
      "identity-webhook-secret",
      () => `whsec_${randomBytes(32).toString("base64")}`,
    ),
    masterKey: persistentSecret(dataDir, "secrets-master-key", () =>
      randomBytes(32).toString("base64"),
    ),
  };
  const env = {
    ...process.env,
    NODE_ENV: "production",
    ECHO_DATA_DIR: dataDir,
    ECHO_WEB_URL: urls.dashboard,
    ECHO_CONVEX_URL: urls.backend,
    ECHO_CONVEX_SITE_URL: urls.site,
    ECHO_WIDGET_URL: urls.widget,
    ECHO_EMBED_SCRIPT_URL: `${urls.demo}/dist/widget.js`,
    ECHO_DEMO_LOGIN_EMAIL: DEMO_LOGIN.email,
    ECHO_DEMO_LOGIN_PASSWORD: DEMO_LOGIN.password,
    ECHO_MAIL_SINK_URL: urls.mail,
    ECHO_IDENTITY_WEBHOOK_URL: `${urls.site}/webhooks/identity`,
    IDENTITY_WEBHOOK_SECRET: secrets.identityWebhook,
  };

  const services = new Map();
  const servers = [];
  let stopping = false;
  let ready = false;
  let failStartup;
  const startupFailure = new Promise((_, reject) => (failStartup = reject));
  startupFailure.catch(() => {});
  // Ctrl-C before the stack is up: every step below is raced against this failure.
  signal?.addEventListener("abort", () => failStartup(new Error("startup interrupted")), {
    once: true,
  });
  // The CLI while it pushes: Ctrl-C during startup stops it too.
  let deploying = null;
  let functionLogs = null;
  const stop = async () => {
    stopping = true;
    await functionLogs?.stop();
    const running = [...services.values(), ...(deploying ? [deploying] : [])];
    await Promise.all(running.map((child) => stopProcessGroup(child)));
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    await mailSink.close();
    await whatsappSim.close();
  };
  const supervise = (label, command, args, { onLine, cwd = root } = {}) => {
    const logFile = logDir ? join(logDir, `${label}.log`) : undefined;
    const child = spawnLabelled(label, command, args, { cwd, env, logFile, onLine });
    services.set(label, child);
    child.on("exit", (code, signal) => {
      if (stopping || services.get(label) !== child) return;
      const how = signal ?? `code ${code}`;
      if (ready) onExit(label, how);
      else
        failStartup(
          new Error(`${label} exited (${how}) while starting${logFile ? `; see ${logFile}` : ""}`),
        );
    });
    return child;
  };
  const host = listenHost();

  let adminKey = null;
  // No --functions: the backend serves the code last pushed to its data folder.
  const startBackend = async () => {
    const args = [
      convexLocalBin,
      "--port",
      String(ports.backend),
      "--site-port",
      String(ports.site),
      "--data",
      join(dataDir, "convex"),
    ];
    supervise("backend", process.execPath, args, {
      onLine: (line) => {
        const match = line.match(/Admin key:\s+(\S+)/);
        if (match) adminKey = match[1];
      },
    });
    await waitForHttp(`${urls.backend}/health`);
    phases.reached("backend");
  };
  const codeHashFile = join(dataDir, "deployed-backend.sha256");
  const deployIfChanged = async () => {
    const wanted = backendCodeHash(root);
    const deployed = existsSync(codeHashFile) ? readFileSync(codeHashFile, "utf8").trim() : null;
    if (deployed === wanted && (await backendAnswers(urls.backend))) {
      log("backend code unchanged since the last deploy; not pushing it again");
      return;
    }
    const pushStartedAt = Date.now();
    log("deploying packages/backend with the Convex CLI (npx convex deploy)");
    await deployBackend(root, {
      backendUrl: urls.backend,
      adminKey,
      env,
      logFile: logDir ? join(logDir, "deploy.log") : undefined,
      onSpawn: (child) => (deploying = child),
    });
    writeFileSync(codeHashFile, `${wanted}\n`);
    log(`deployed packages/backend in ${((Date.now() - pushStartedAt) / 1000).toFixed(1)} s`);
    phases.reached("deployed");
  };
  // What `npx convex env set` does; convex-local re-evaluates auth.config.ts on the change.
  const syncBackendEnvironment = async () => {
    const wanted = deploymentEnv(urls, secrets, backendEnv);
    const response = await fetch(`${urls.backend}/api/update_environment_variables`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Convex ${adminKey}` },
      body: JSON.stringify({
        changes: Object.entries(wanted).map(([name, value]) => ({ name, value })),
      }),
    });
    if (!response.ok) {
      throw new Error(`setting the backend environment failed: HTTP ${response.status}`);
    }
  };

  let demo = null;
  const demoAccount = demoSignIn(() => ({
    backend: hasBackend ? urls.backend : null,
    adminKey,
    organizationId: demo?.organizationId,
  }));
  try {
    // In the app's folder, as `pnpm start` there would: next.config imports by relative path.
    for (const [app, port] of [
      ["web", ports.web],
      ["widget", ports.widget],
    ]) {
      supervise(app, process.execPath, nextStartCommand(root, app, { host, port }), {
        cwd: join(root, "apps", app),
      });
    }
    servers.push(
      await serveStatic(join(root, "apps/embed"), {
        port: ports.demo,
        host,
        index: "demo.html",
        routes: demoAccount.routes,
        replaceInHtml: async (request) => ({
          "http://localhost:3001": urls.widget,
          ...(demo ? { org_demo: demo.organizationId } : {}),
          ...(await demoAccount.replaceInHtml(request)),
        }),
      }),
    );
    const backendReady = hasBackend
      ? (async () => {
          await startBackend();
          if (!adminKey) throw new Error("convex-local did not print its admin key");
          // The backend keeps its function logs in memory only; a file lets a failed run be read.
          if (logDir) {
            functionLogs = followFunctionLogs({
              backendUrl: urls.backend,
              adminKey: () => adminKey,
              file: join(logDir, "functions.log"),
            });
          }
          // Before the push: auth.config.ts reads these variables when the CLI pushes it.
          await syncBackendEnvironment();
          await deployIfChanged();
        })()
      : Promise.resolve();
    await Promise.race([
      startupFailure,
      (async () => {
        await Promise.all([
          waitForHttp(`${urls.dashboard}/api/health`).then(() => phases.reached("dashboard")),
          waitForHttp(`${urls.widget}/api/health`).then(() => phases.reached("widget")),
          backendReady,
        ]);
        if (seed) {
          demo = await seedDemo({
            dashboard: urls.dashboard,
            backend: hasBackend ? urls.backend : null,
            adminKey,
            whatsapp: {
              serverUrl: whatsappSim.url,
              instanceName: whatsappSim.instanceName,
              apiKey: whatsappSim.apiKey,
            },
          });
          phases.reached("seeded");
        }
        if (hasBackend) await waitUntilUsable(urls);
        phases.reached("usable");
      })(),
    ]);
    ready = true;
    log(`startup phases (s since the stack began starting): ${phases.summary()}`);
  } catch (error) {
    await stop();
    throw error;
  }
  const restartBackend = async () => {
    if (!hasBackend) throw new Error("there is no backend to restart");
    const previous = services.get("backend");
    // Deleting it first tells the exit handler this stop is wanted.
    services.delete("backend");
    if (previous) await stopProcessGroup(previous);
    await startBackend();
    await waitUntilUsable(urls);
  };
  return { urls, hasBackend, adminKey, demo, stop, restartBackend };
}

/**
 * README command 1: builds what changed, starts the stack in local mode, prints the URLs, and
 * stops everything on Ctrl-C.
 */
export async function start(root) {
  // scripts/echo.mjs records when the command began, before it installed or re-executed anything.
  const startedAt = Number(process.env.ECHO_COMMAND_STARTED_AT?.split(":")[1]) || Date.now();
  const ports = defaultPorts();
  await assertPortsFree(ports, existsSync(join(root, "packages/convex-local/bin/convex-local.js")));
  log("building the apps (cached when nothing changed)");
  const buildStartedAt = Date.now();
  buildAll(root, process.env);
  log(`build done in ${((Date.now() - buildStartedAt) / 1000).toFixed(1)} s`);

  let stack;
  const interrupt = new AbortController();
  let starting;
  const shutdown = async (code) => {
    log("stopping every process");
    if (stack) await stack.stop();
    else {
      // Still starting: startStack stops what it has started, then rejects.
      interrupt.abort();
      await starting?.catch(() => {});
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  starting = startStack(root, {
    ports,
    dataDir: process.env.ECHO_DATA_DIR ?? join(root, ".echo-data"),
    signal: interrupt.signal,
    onExit: (label, how) => {
      log(`${label} exited (${how}); stopping the rest`);
      void shutdown(1);
    },
  });
  try {
    stack = await starting;
  } catch (error) {
    if (interrupt.signal.aborted) return; // shutdown() exits once the stack has stopped
    throw error;
  }

  const { urls } = stack;
  log(
    `Echo is up in local mode, ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s from the command:`,
  );
  log(`  dashboard            ${urls.dashboard}`);
  log(`  widget               ${urls.widget}`);
  log(`  embed demo page      ${urls.demo}`);
  log(`  caught mail          ${urls.mail}`);
  log(`  WhatsApp phone       ${urls.whatsapp}`);
  if (stack.hasBackend) {
    log(`  Convex backend       ${urls.backend}`);
    log(`  Convex HTTP actions  ${urls.site}`);
  } else {
    log("  (no Convex backend yet: packages/convex-local has no bin)");
  }
  log(`demo login: ${stack.demo.login.email} / ${stack.demo.login.password}`);
  log(`demo organization id: ${stack.demo.organizationId}`);
  log("press Ctrl-C to stop");
}
