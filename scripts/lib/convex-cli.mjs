import { existsSync } from "node:fs";
import { join } from "node:path";

import { spawnLabelled } from "./processes.mjs";

/**
 * Runs the official Convex CLI from packages/backend against a self-hosted deployment (convex-local
 * here), kept offline: no telemetry, no version check. Resolves when it exits 0.
 *
 * It runs the CLI's bundle, which `npx convex` (bin/main.js) only imports: importing a 6.7 MB
 * CommonJS file from ESM first scans it for its exports. Node keeps the bundle's compiled code in
 * node_modules/.cache, so each later start skips compiling it.
 */
export function runConvexCli(
  root,
  args,
  { backendUrl, adminKey, env = process.env, logFile, onSpawn = () => {} },
) {
  const nodeModules = join(root, "packages/backend/node_modules");
  const cli = join(nodeModules, "convex/dist/cli.bundle.cjs");
  if (!existsSync(cli)) {
    throw new Error(`the Convex CLI is missing (${cli}); run pnpm install`);
  }
  return new Promise((resolve, reject) => {
    const child = spawnLabelled(args[0], process.execPath, [cli, ...args], {
      cwd: join(root, "packages/backend"),
      logFile,
      env: {
        ...env,
        CONVEX_SELF_HOSTED_URL: backendUrl,
        CONVEX_SELF_HOSTED_ADMIN_KEY: adminKey,
        CONVEX_DEPLOYMENT: "",
        CONVEX_DEPLOY_KEY: "",
        CI: "1",
        CONVEX_VERSION_API_ORIGIN: "http://127.0.0.1:9",
        NODE_COMPILE_CACHE: join(nodeModules, ".cache/convex-cli-compile"),
      },
    });
    onSpawn(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      onSpawn(null);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `npx convex ${args[0]} failed (${signal ?? `exit code ${code}`})${logFile ? `; see ${logFile}` : ""}`,
          ),
        );
    });
  });
}
