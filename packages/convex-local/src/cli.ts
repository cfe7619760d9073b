import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, watch, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateAdminKey } from "./auth/admin-key.ts";
import { Backend } from "./runtime/backend.ts";
import { startServer } from "./server/server.ts";

const USAGE = `Usage: convex-local [options]

  --port <n>               deployment API and sync port (default 3210)
  --site-port <n>          HTTP actions port (default 3211)
  --data <dir>             data directory (default .convex-local/)
  --functions <dir>        a Convex project's convex/ folder to bundle, serve and watch
  --instance-name <name>   instance name (default convex-local)
  --instance-secret <hex>  secret the admin key derives from (default: generated, kept in the data dir)
  --host <addr>            address to bind (default 127.0.0.1)
  --sync <full|normal>     full: fsync every commit (survives power loss, default);
                           normal: fsync at WAL checkpoints (survives a killed process)
  --action-timeout <s>     how long an action may run, in seconds (default: the
                           ACTIONS_USER_TIMEOUT_SECS environment variable, else 600)
  --function-timeout <s>   how long a query's or mutation's own code may run, in seconds,
                           database calls not counted (default: the
                           DATABASE_UDF_USER_TIMEOUT_SECONDS environment variable, else 1)
`;

function instanceSecret(dataDir: string, given: string | undefined): string {
  if (given) return given;
  const file = join(dataDir, "instance-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", default: "3210" },
      "site-port": { type: "string", default: "3211" },
      data: { type: "string", default: ".convex-local" },
      functions: { type: "string" },
      "instance-name": { type: "string", default: "convex-local" },
      "instance-secret": { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      sync: { type: "string", default: "full" },
      "action-timeout": { type: "string", default: process.env.ACTIONS_USER_TIMEOUT_SECS || "600" },
      "function-timeout": {
        type: "string",
        default: process.env.DATABASE_UDF_USER_TIMEOUT_SECONDS || "1",
      },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const dataDir = resolve(values.data);
  const secret = instanceSecret(dataDir, values["instance-secret"]);
  const instanceName = values["instance-name"];
  if (values.sync !== "full" && values.sync !== "normal")
    throw new Error("--sync must be full or normal");
  const actionTimeoutSeconds = Number(values["action-timeout"]);
  if (!(actionTimeoutSeconds > 0))
    throw new Error("--action-timeout must be a positive number of seconds");
  const functionTimeoutSeconds = Number(values["function-timeout"]);
  if (!(functionTimeoutSeconds > 0))
    throw new Error("--function-timeout must be a positive number of seconds");
  const origin = (port: string) => `http://${values.host}:${port}`;
  const backend = new Backend({
    dataDir,
    instanceName,
    syncMode: values.sync,
    origin: origin(values.port),
    siteOrigin: origin(values["site-port"]),
    actionTimeoutMs: actionTimeoutSeconds * 1000,
    functionTimeoutMs: functionTimeoutSeconds * 1000,
  });
  const functionsDir = values.functions ? resolve(values.functions) : null;
  if (functionsDir) await backend.deploy(functionsDir);
  else await backend.deployment.loadDeployed();
  const server = await startServer({
    backend,
    host: values.host,
    port: Number(values.port),
    sitePort: Number(values["site-port"]),
    instanceSecret: secret,
  });
  process.stdout.write(
    `convex-local is running\n  URL:       ${server.url}\n  Site URL:  ${server.siteUrl}\n  Admin key: ${generateAdminKey(instanceName, secret)}\n`,
  );

  let watcher: ReturnType<typeof watch> | null = null;
  if (values.functions && functionsDir) watcher = watchFunctions(backend, functionsDir);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    watcher?.close();
    await server.close();
    backend.close();
    process.exit(0);
  };
  // Function code runs in this process; a stray throw from one of its callbacks must not stop the server.
  process.on("uncaughtException", (e) =>
    console.error("convex-local: uncaught exception in function code:", e),
  );
  process.on("unhandledRejection", (e) =>
    console.error("convex-local: unhandled rejection in function code:", e),
  );
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

/** Re-deploys shortly after the last change under the functions folder. */
function watchFunctions(backend: Backend, dir: string): ReturnType<typeof watch> {
  let timer: NodeJS.Timeout | null = null;
  let deploying = Promise.resolve();
  return watch(dir, { recursive: true }, (_event, file) => {
    if (file && (file.startsWith("_generated") || file.includes("node_modules"))) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      deploying = deploying.then(async () => {
        try {
          await backend.deploy(dir);
          console.info(`convex-local: reloaded ${dir}`);
        } catch (e) {
          console.error(`convex-local: failed to load ${dir}:`, e instanceof Error ? e.message : e);
        }
      });
    }, 150);
  });
}
