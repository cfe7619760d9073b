// Path B (docs/deploy-server.md) on this machine: the systemd units' commands run as the units
// would, behind Caddy with its local CA on *.localhost names; a conversation through the proxy, a
// backup, a wipe of the backend's data, a restore, and the conversation back. Needs `caddy` on the
// PATH (npm test installs Debian's package, as it does chromium) and the host names in /etc/hosts
// (added here when this user may write it; docs/deploy-server.md gives the line).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { parseEnv } from "node:util";

import { afterAll, beforeAll, expect, test } from "vitest";

import { listProcesses, printRss, processTree } from "../../../../scripts/lib/process-tree-rss.mjs";
import { seedDemo } from "../../../../scripts/lib/seed-demo.mjs";
import {
  execStartArgv,
  readUnit,
  unitEnvironment,
  type UnitSection,
} from "../../../../scripts/lib/systemd-unit.mjs";
import { basePort, repoRoot } from "../harness/paths";
import { createVisitor, eventually } from "../harness/visitor";

// Beside the e2e stack's ports, so runs on other base ports never meet.
const BASE = Number(process.env.ECHO_E2E_SERVER_BASE_PORT ?? basePort + 40);
const DOMAIN = "echo-e2e.localhost";
const HOSTS = ["app", "widget", "api", "site", "cdn"].map((name) => `${name}.${DOMAIN}`);
const HTTPS = BASE + 10;
const url = (name: string, path = "") => `https://${name}.${DOMAIN}:${HTTPS}${path}`;
const units = join(repoRoot, "deploy/server/systemd");
const work = mkdtempSync(join(tmpdir(), "echo-path-b-"));
const root = repoRoot.replace(/\/$/, "");
const dataDir = join(work, "data");

// /etc/echo/echo.env for this run: the example file with this machine's names, ports and folders.
const example = parseEnv(
  readFileSync(join(repoRoot, "deploy/server/echo.env.example"), "utf8"),
) as Record<string, string>;
const env: Record<string, string> = {
  ...example,
  ECHO_DOMAIN: DOMAIN,
  ECHO_WEB_URL: url("app"),
  ECHO_WIDGET_URL: url("widget"),
  ECHO_EMBED_SCRIPT_URL: url("cdn", "/widget.js"),
  ECHO_CONVEX_URL: url("api"),
  ECHO_CONVEX_SITE_URL: url("site"),
  ECHO_IDENTITY_WEBHOOK_URL: url("site", "/webhooks/identity"),
  ECHO_HTTPS_PORT: String(HTTPS),
  ECHO_HTTP_PORT: String(HTTPS + 1),
  ECHO_CADDY_CERTS: "local_certs",
  ECHO_CADDY_TRUST: "skip_install_trust",
  ECHO_WEB_PORT: String(BASE),
  ECHO_WIDGET_PORT: String(BASE + 1),
  ECHO_BACKEND_PORT: String(BASE + 3),
  ECHO_SITE_PORT: String(BASE + 4),
  ECHO_DATA_DIR: dataDir,
  ECHO_BACKUP_DIR: join(work, "backups"),
  ECHO_ROOT: root,
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
  IDENTITY_WEBHOOK_SECRET: `whsec_${randomBytes(32).toString("base64")}`,
  ECHO_SECRETS_KEY: randomBytes(32).toString("base64"),
  // The test signs its operator up without the confirmation e-mail.
  ECHO_REQUIRE_EMAIL_VERIFICATION: "false",
  // Caddy keeps its local CA here rather than in root's home.
  XDG_DATA_HOME: join(work, "caddy-data"),
  XDG_CONFIG_HOME: join(work, "caddy-config"),
};
const caRoot = join(work, "caddy-data/caddy/pki/authorities/local/root.crt");

const running = new Map<string, ChildProcess>();
const logs = new Map<string, string>();

function spawnLogged(
  label: string,
  [command, ...args]: [string, ...string[]],
  options: { cwd: string; env: NodeJS.ProcessEnv },
) {
  const child = spawn(command, args, { ...options, detached: true });
  logs.set(label, "");
  const append = (chunk: Buffer) => logs.set(label, (logs.get(label) ?? "") + chunk.toString());
  child.stdout?.on("data", append);
  child.stderr?.on("data", append);
  return child;
}

function serviceSection(file: string): UnitSection {
  const service = readUnit(join(units, file)).Service;
  if (!service) throw new Error(`${file} has no [Service] section`);
  return service;
}

/** Runs what `systemctl start <unit>` would: its ExecStart, environment and working directory. */
function unitCommand(name: string) {
  const service = serviceSection(`${name}.service`);
  const serviceEnv = {
    ...process.env,
    ...env,
    ...unitEnvironment(service),
    NODE_EXTRA_CA_CERTS: caRoot,
  };
  return {
    argv: execStartArgv(service, serviceEnv, { root }),
    cwd: (service.WorkingDirectory?.[0] ?? "/opt/echo").replace("/opt/echo", root),
    env: serviceEnv,
  };
}

function startUnit(name: string) {
  const { argv, cwd, env: serviceEnv } = unitCommand(name);
  running.set(name, spawnLogged(name, argv, { cwd, env: serviceEnv }));
}

/**
 * A oneshot unit (deploy, backup) run to completion, which must exit 0; with `command`, another
 * command of the same script (scripts/server.mjs restore, admin-key), as an operator runs it.
 */
function runOneshot(name: string, command?: string[]) {
  const {
    argv: [node, script, ...rest],
    cwd,
    env: serviceEnv,
  } = unitCommand(name);
  const args = command ? [script ?? "", ...command] : [script ?? "", ...rest];
  const result = spawnSync(node, args, {
    cwd,
    env: serviceEnv,
    encoding: "utf8",
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(`${name} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

async function stopUnit(name: string) {
  const child = running.get(name);
  running.delete(name);
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

async function ready(urls: string[], timeoutMs = 180_000) {
  await eventually(async () => {
    const statuses = await Promise.all(
      urls.map((target) =>
        fetch(target)
          .then((response) => response.status)
          .catch(() => 0),
      ),
    );
    return statuses.every((status) => status === 200);
  }, timeoutMs).catch((error: Error) => {
    throw new Error(
      `${error.message}\n${[...logs].map(([k, v]) => `--- ${k}\n${v.slice(-3000)}`).join("\n")}`,
    );
  });
}

function ensureHostNames() {
  const hosts = readFileSync("/etc/hosts", "utf8");
  const missing = HOSTS.filter(
    (host) => !new RegExp(`\\s${host.replace(/\./g, "\\.")}(\\s|$)`).test(hosts),
  );
  if (missing.length === 0) return;
  // Writable only by root: CI containers run as root; elsewhere add the line by hand once.
  appendFileSync("/etc/hosts", `\n127.0.0.1 ${missing.join(" ")}\n`);
}

beforeAll(async () => {
  ensureHostNames();
  const caddy = spawnLogged(
    "caddy",
    [
      "caddy",
      "run",
      "--config",
      join(repoRoot, "deploy/server/caddy/Caddyfile"),
      "--adapter",
      "caddyfile",
    ],
    { cwd: work, env: { ...process.env, ...env } },
  );
  running.set("caddy", caddy);
  await eventually(async () => existsSync(caRoot), 30_000);
  // This process trusts Caddy's local CA as the services do (NODE_EXTRA_CA_CERTS): TLS is verified.
  setDefaultCACertificates([...getCACertificates("default"), readFileSync(caRoot, "utf8")]);

  startUnit("echo-backend");
  runOneshot("echo-deploy");
  startUnit("echo-web");
  startUnit("echo-widget");
  await ready([
    url("app", "/api/health/ready"),
    url("widget", "/api/health/ready"),
    url("site", "/health"),
  ]);
  // The product at rest, as docs/deploy-server.md states it: printed, never asserted.
  await new Promise((resolve) => setTimeout(resolve, 20_000));
  const pids = [...running.values()].flatMap((child) => (child.pid ? [child.pid] : []));
  process.stdout.write("Path B RSS at rest (caddy, backend, dashboard, widget):\n");
  printRss(processTree(listProcesses(), pids));
}, 400_000);

afterAll(async () => {
  for (const name of [...running.keys()].reverse()) await stopUnit(name);
  rmSync(work, { recursive: true, force: true });
});

test("every unit's ExecStart runs a Node entry point directly, never a package-manager wrapper", () => {
  for (const file of readdirSync(units).filter((name) => name.endsWith(".service"))) {
    const service = serviceSection(file);
    const [command, script] = (service.ExecStart?.[0] ?? "").split(/\s+/);
    expect(command, file).toBe("/opt/echo/scripts/toolchain/node_modules/node/bin/node");
    expect(script, file).toMatch(/^\/opt\/echo\/(packages|apps|scripts)\/.+\.(m?js)$|\/next$/);
    expect(service.EnvironmentFile, file).toEqual(["/etc/echo/echo.env"]);
    expect(service.ExecStart?.join(" "), file).not.toMatch(/\b(npm|pnpm|npx)\b/);
  }
});

test("behind Caddy with a locally trusted certificate: a conversation survives backup, wipe and restore", async () => {
  const cdn = await fetch(url("cdn", "/widget.js"));
  expect(cdn.status).toBe(200);
  expect(cdn.headers.get("access-control-allow-origin")).toBe("*");

  const adminKey = runOneshot("echo-deploy", ["admin-key"]).trim();
  const demo = await seedDemo({ dashboard: url("app"), backend: url("api"), adminKey });
  const visitorUrls = { backend: url("api"), site: url("site") };
  const visitor = await createVisitor(visitorUrls, demo.organizationId, "Path B Visitor");
  await visitor.send("How do I share a notebook?");
  // The greeting, the question and the assistant's answer, written out (not still streaming).
  const answered = async (count: number) => {
    const messages = await visitor.messages();
    return messages.length >= count && messages.every((m) => m.text.trim() !== "");
  };
  await eventually(() => answered(3), 60_000);
  const before = await visitor.messages();
  expect(before).toContainEqual({ author: "contact", text: "How do I share a notebook?" });

  const backupOutput = runOneshot("echo-backup");
  const backup = backupOutput.match(/backup written: (\S+\.zip)/)?.[1] ?? "";
  expect(backup, backupOutput).toMatch(/\.zip$/);

  // The wipe: the backend's data folder is gone; a fresh one gets the code again, not the data.
  await stopUnit("echo-backend");
  rmSync(join(dataDir, "convex"), { recursive: true, force: true });
  startUnit("echo-backend");
  runOneshot("echo-deploy");
  await ready([url("site", "/health")]);
  await expect(visitor.messages()).rejects.toThrow();

  runOneshot("echo-deploy", ["restore", backup]);
  await expect(visitor.messages()).resolves.toEqual(before);
  // The restored conversation goes on through the proxy.
  await visitor.send("Thanks, and how do I export one?");
  await eventually(() => answered(before.length + 2), 60_000);
  expect(await visitor.messages()).toEqual(expect.arrayContaining(before));
}, 300_000);
