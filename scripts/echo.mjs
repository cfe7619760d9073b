#!/usr/bin/env node
// Echo's two README commands: `start` (local mode) and `check` (every check).
// Runs on the machine's Node (20 or newer) with no dependencies; brings Node 22 and pnpm when needed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolchainDir = join(root, "scripts", "toolchain");
const toolchainBin = join(toolchainDir, "node_modules", ".bin");
const MIN_NODE_MAJOR = 22;
const MIN_NODE_MINOR = 12;

function log(message) {
  process.stdout.write(`[echo] ${message}\n`);
}

function nodeIsRecentEnough(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > MIN_NODE_MAJOR || (major === MIN_NODE_MAJOR && minor >= MIN_NODE_MINOR);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Installs the pinned Node 22 and pnpm into scripts/toolchain when missing or stale. */
function ensureToolchain() {
  const pinned = JSON.parse(readFileSync(join(toolchainDir, "package.json"), "utf8")).dependencies;
  const installed = (name) => {
    const manifest = join(toolchainDir, "node_modules", name, "package.json");
    return (
      existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).version === pinned[name]
    );
  };
  if (installed("node") && installed("pnpm")) return;
  log(
    `installing the pinned toolchain (node ${pinned.node}, pnpm ${pinned.pnpm}) from the npm registry`,
  );
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const status = run(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: toolchainDir,
  });
  if (status !== 0) {
    throw new Error(`npm ci in scripts/toolchain failed with exit code ${status}`);
  }
}

/**
 * "<pid>:<ms>", kept across the re-exec below so `start` reports its time from the moment the
 * command ran. Bound to the process that set it: a command started from inside another one (the
 * suite runs `npm start`) inherits the variable and must count from its own start instead.
 */
function commandStartedAt() {
  const [pid, startedAt] = (process.env.ECHO_COMMAND_STARTED_AT ?? "").split(":").map(Number);
  if (startedAt && pid === process.ppid) return `${pid}:${startedAt}`;
  return `${process.pid}:${Date.now()}`;
}

/** Re-runs this script under the pinned toolchain, so every machine builds with the same Node. */
function reexecUnderToolchain() {
  if (process.env.ECHO_TOOLCHAIN_READY === "1" && nodeIsRecentEnough(process.version)) return false;
  ensureToolchain();
  const env = {
    ...process.env,
    PATH: `${toolchainBin}:${process.env.PATH ?? ""}`,
    ECHO_TOOLCHAIN_READY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
  };
  const child = spawn(
    join(toolchainBin, "node"),
    [fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      cwd: root,
      stdio: "inherit",
      env,
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

/**
 * The version of the pnpm that `pnpm` on PATH runs, read from its package's manifest: starting
 * pnpm only to print its version costs about half a second of CPU. Asks pnpm itself when PATH
 * leads to something other than the npm package (a standalone binary, a shim).
 */
function pnpmVersionOnPath() {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const launcher = join(dir, "pnpm");
    if (!dir || !existsSync(launcher)) continue;
    try {
      const manifest = join(dirname(realpathSync(launcher)), "..", "package.json");
      const { name, version } = JSON.parse(readFileSync(manifest, "utf8"));
      if (name === "pnpm" && version) return version;
    } catch {
      // not the npm package's launcher
    }
    break;
  }
  return spawnSync("pnpm", ["--version"], { encoding: "utf8" }).stdout?.trim();
}

async function main() {
  const command = process.argv[2];
  if (command !== "start" && command !== "check") {
    process.stderr.write("usage: node scripts/echo.mjs <start|check>\n");
    process.exit(2);
  }
  process.env.ECHO_COMMAND_STARTED_AT = commandStartedAt();
  if (reexecUnderToolchain()) return;
  const pnpmVersion = pnpmVersionOnPath();
  log(`node ${process.version}, pnpm ${pnpmVersion || "missing"}`);
  const { installWorkspace } = await import("./lib/workspace.mjs");
  installWorkspace(root, { pnpmVersion, log });
  if (command === "start") {
    const { start } = await import("./lib/start.mjs");
    await start(root);
  } else {
    const { check } = await import("./lib/check.mjs");
    process.exitCode = await check(root);
  }
}

main().catch((error) => {
  process.stderr.write(`[echo] ${error.stack ?? error}\n`);
  process.exit(1);
});
