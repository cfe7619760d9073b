import { spawnSync } from "node:child_process";

/** Installs the workspace's dependencies exactly as the lockfile pins them. */
export function installWorkspace(root) {
  const args = ["install", "--reporter=append-only"];
  if (process.env.CI) args.push("--frozen-lockfile");
  const result = spawnSync("pnpm", args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`pnpm ${args.join(" ")} failed with exit code ${result.status}`);
  }
}
