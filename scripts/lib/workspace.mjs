import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { fingerprintFiles, readStamp } from "./fingerprint.mjs";

const STAMP = join("node_modules", ".echo-install.sha256");

/** The workspace's package folders (apps/*, packages/*), as pnpm-workspace.yaml lists them. */
function packageDirs(root) {
  return ["apps", "packages"].flatMap((group) =>
    readdirSync(join(root, group), { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, "package.json")),
      )
      .map((entry) => join(root, group, entry.name))
      .sort(),
  );
}

/** Fingerprint of what `pnpm install` reads: lockfile, workspace settings, every manifest, pnpm. */
export function installInputs(root, pnpmVersion) {
  const files = [
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    ".npmrc",
    "package.json",
    ...packageDirs(root).map((dir) => join(dir, "package.json")),
  ].map((file) => (file.startsWith(root) ? file : join(root, file)));
  return fingerprintFiles(root, files, [`pnpm ${pnpmVersion}`]);
}

const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"];

/** Whether pnpm gives the package a node_modules: it does not for one that depends on nothing. */
function hasDependencies(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  return DEPENDENCY_FIELDS.some((field) => Object.keys(manifest[field] ?? {}).length > 0);
}

/** True when the last install succeeded on these exact inputs and its node_modules are all there. */
export function installIsCurrent(root, wanted) {
  if (readStamp(join(root, STAMP)) !== wanted) return false;
  return [root, ...packageDirs(root)]
    .filter(hasDependencies)
    .every((dir) => existsSync(join(dir, "node_modules")));
}

/**
 * Installs the workspace's dependencies exactly as the lockfile pins them, unless nothing pnpm
 * reads has changed since the last successful install. Returns whether it ran.
 */
export function installWorkspace(root, { pnpmVersion = "", log = () => {} } = {}) {
  const wanted = installInputs(root, pnpmVersion);
  if (installIsCurrent(root, wanted)) {
    log("dependencies unchanged since the last install; not running pnpm install");
    return false;
  }
  const args = ["install", "--reporter=append-only"];
  if (process.env.CI) args.push("--frozen-lockfile");
  const result = spawnSync("pnpm", args, { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`pnpm ${args.join(" ")} failed with exit code ${result.status}`);
  }
  // pnpm may have rewritten the lockfile; the next run compares against what is on disk now.
  writeFileSync(join(root, STAMP), `${installInputs(root, pnpmVersion)}\n`);
  return true;
}
