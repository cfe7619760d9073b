import { existsSync } from "node:fs";
import { join } from "node:path";

import { spawnLabelled } from "./processes.mjs";

/**
 * Runs the official Convex CLI from packages/backend against a self-hosted deployment (convex-local
 * here), kept offline: no telemetry, no version check. Resolves when it exits 0.
 */
export function runConvexCli(
  root,
  args,
  { backendUrl, adminKey, env = process.env, logFile, onSpawn = () => {} },
) {
  const cli = join(root, "packages/backend/node_modules/convex/bin/main.js");
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
