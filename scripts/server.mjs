// Path B, one server you own (docs/deploy-server.md): the steps the systemd units and the operator
// run besides the services themselves. Reads the deployment's environment (/etc/echo/echo.env).
// usage: node scripts/server.mjs <deploy|backup|restore <file.zip>|admin-key>
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

import { runConvexCli } from "./lib/convex-cli.mjs";
import { assertPublicUrls } from "./lib/public-urls.mjs";
import { waitForHttp } from "./lib/processes.mjs";
import { deployBackend } from "./lib/start.mjs";

const root = join(import.meta.dirname, "..");
const env = process.env;
const dataDir = env.ECHO_DATA_DIR ?? "/var/lib/echo";
// The CLI reaches the backend on this machine, not through the proxy.
const backendUrl = `http://127.0.0.1:${env.ECHO_BACKEND_PORT ?? 3210}`;

function log(message) {
  process.stdout.write(`[echo server] ${message}\n`);
}

function required(name) {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is not set (see deploy/server/echo.env.example)`);
  return value;
}

/** The admin key of the convex-local instance in the data folder (what its start line prints). */
async function adminKey() {
  const { generateAdminKey } = await import("../packages/convex-local/src/auth/admin-key.ts");
  const secret = readFileSync(join(dataDir, "convex", "instance-secret"), "utf8").trim();
  return generateAdminKey("convex-local", secret);
}

/** What `npx convex env set` does for each variable the backend reads. */
async function setBackendEnvironment(key) {
  const web = required("ECHO_WEB_URL");
  const changes = {
    ECHO_AUTH_ISSUER: web,
    ECHO_AUTH_JWKS_URL: `${web}/api/auth/jwks`,
    IDENTITY_WEBHOOK_SECRET: required("IDENTITY_WEBHOOK_SECRET"),
    ECHO_SECRETS_KEY: required("ECHO_SECRETS_KEY"),
    ...(env.ECHO_CLIENT_IP_HEADER ? { ECHO_CLIENT_IP_HEADER: env.ECHO_CLIENT_IP_HEADER } : {}),
  };
  const response = await fetch(`${backendUrl}/api/update_environment_variables`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Convex ${key}` },
    body: JSON.stringify({
      changes: Object.entries(changes).map(([name, value]) => ({ name, value })),
    }),
  });
  if (!response.ok) throw new Error(`setting the backend environment: HTTP ${response.status}`);
}

/** Pushes packages/backend (schema, functions, auth config) to the running convex-local. */
async function deploy() {
  assertPublicUrls(env, ["dashboard", "widget", "embedScript", "backend", "site"], "deploy");
  await waitForHttp(`${backendUrl}/health`, { timeoutMs: 60_000 });
  const key = await adminKey();
  await setBackendEnvironment(key);
  log("deploying packages/backend with the Convex CLI (npx convex deploy)");
  await deployBackend(root, { backendUrl, adminKey: key, env, onSpawn: () => {} });
  log("deployed");
}

/** A consistent copy of the identity provider's SQLite database, taken while the dashboard runs. */
async function copyIdentityDatabase(to) {
  const from = join(dataDir, "auth.sqlite");
  if (!existsSync(from)) return false;
  const { DatabaseSync } = await import("node:sqlite");
  const db = new DatabaseSync(from, { readOnly: true });
  try {
    db.prepare("VACUUM INTO ?").run(to);
  } finally {
    db.close();
  }
  return true;
}

/**
 * `npx convex export` of every table and stored file into ECHO_BACKUP_DIR, with the identity
 * database beside it, keeping the newest ECHO_BACKUP_KEEP.
 */
async function backup() {
  const dir = env.ECHO_BACKUP_DIR ?? "/var/backups/echo";
  const keep = Number(env.ECHO_BACKUP_KEEP ?? 14);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = join(dir, `echo-${stamp}-${randomBytes(2).toString("hex")}.zip`);
  await runConvexCli(root, ["export", "--path", file, "--include-file-storage"], {
    backendUrl,
    adminKey: await adminKey(),
    env,
  });
  const identity = file.replace(/\.zip$/, ".auth.sqlite");
  if (await copyIdentityDatabase(identity)) log(`identity database copied: ${identity}`);
  const backups = readdirSync(dir)
    .filter((name) => /^echo-.*\.zip$/.test(name))
    .sort()
    .reverse();
  for (const old of backups.slice(keep)) {
    rmSync(join(dir, old));
    rmSync(join(dir, old.replace(/\.zip$/, ".auth.sqlite")), { force: true });
  }
  log(`backup written: ${file}`);
  return file;
}

/** `npx convex import --replace-all` of a backup: the deployment's tables become the backup's. */
async function restore(file) {
  if (!file) throw new Error("usage: node scripts/server.mjs restore <backup.zip>");
  await runConvexCli(root, ["import", "--replace-all", "--yes", file], {
    backendUrl,
    adminKey: await adminKey(),
    env,
  });
  log(`restored ${file}`);
}

const [command, argument] = process.argv.slice(2);
const commands = {
  deploy,
  backup,
  restore: () => restore(argument),
  "admin-key": async () => process.stdout.write(`${await adminKey()}\n`),
};
if (!commands[command]) {
  process.stderr.write("usage: node scripts/server.mjs <deploy|backup|restore <file>|admin-key>\n");
  process.exit(2);
}
try {
  await commands[command]();
} catch (error) {
  process.stderr.write(`[echo server] ${error.message}\n`);
  process.exit(1);
}
