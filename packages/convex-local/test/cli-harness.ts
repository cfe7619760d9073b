import { execFile, spawn, type ChildProcess } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect } from "vitest";
import { fixtureDir } from "./helpers.ts";

const execFileAsync = promisify(execFile);

const BIN = join(import.meta.dirname, "..", "bin", "convex-local.js");

export type CliProcess = {
  child: ChildProcess;
  url: string;
  adminKey: string;
  exited: Promise<unknown>;
};

/** Spawns the `convex-local` CLI on random ports and resolves once it prints its URL. */
export function startCli(args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, [BIN, "--port", "0", "--site-port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /URL:\s+(http:\/\/\S+)/.exec(out);
      const adminKey = /Admin key:\s+(\S+)/.exec(out);
      if (url && adminKey) resolve({ child, url: url[1]!, adminKey: adminKey[1]!, exited });
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`convex-local exited with ${code}: ${err}`)));
  });
}

const NODE_MODULES = join(import.meta.dirname, "..", "node_modules");

/**
 * The official Convex CLI: the bundle that `npx convex` (bin/main.js) imports, run directly, since
 * importing a 6.7 MB CommonJS file from ESM first scans it for its exports, a third of each start.
 */
export const CONVEX_CLI = join(NODE_MODULES, "convex", "dist", "cli.bundle.cjs");

/** Node keeps the CLI's compiled code here, so the many CLI starts of a run compile it once. */
const CLI_COMPILE_CACHE = join(NODE_MODULES, ".cache", "convex-cli-compile");

export type Deployment = { url: string; adminKey: string };

/** Points the CLI at a deployment as a self-hosted one and keeps it off the internet. */
export function convexCliEnv(target: Deployment): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CONVEX_SELF_HOSTED_URL: target.url,
    CONVEX_SELF_HOSTED_ADMIN_KEY: target.adminKey,
    CONVEX_DEPLOYMENT: "",
    // No Sentry reports and no version check: the CLI must not reach the internet.
    CI: "1",
    CONVEX_VERSION_API_ORIGIN: "http://127.0.0.1:9",
    NODE_COMPILE_CACHE: CLI_COMPILE_CACHE,
  };
}

/**
 * Runs a function with the request `convex run` sends (admin key, /api/function), without starting
 * the CLI (seconds per call): for tests whose subject is what the pushed code answers.
 */
export async function callFunction(
  target: Deployment,
  path: string,
  args: object = {},
): Promise<unknown> {
  const response = await fetch(`${target.url}/api/function`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Convex ${target.adminKey}` },
    body: JSON.stringify({ path, args, format: "convex_encoded_json" }),
  });
  // Values come back as `convex run` prints them: int64 and bytes as `{ $integer }`, `{ $bytes }`.
  const body = (await response.json()) as { status: string; value?: unknown };
  expect(body.status, JSON.stringify(body)).toBe("success");
  return body.value;
}

/** Runs the CLI to completion; resolves with its exit code and everything it printed. */
export async function runConvexCli(
  cwd: string,
  args: string[],
  target: Deployment,
  extraEnv: Record<string, string> = {},
): Promise<{ code: number; output: string; stdout: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [CONVEX_CLI, ...args], {
      cwd,
      env: { ...convexCliEnv(target), ...extraEnv },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, output: stdout + stderr, stdout };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return {
      code: failed.code ?? 1,
      output: (failed.stdout ?? "") + (failed.stderr ?? ""),
      stdout: failed.stdout ?? "",
    };
  }
}

export type RunningCli = {
  child: ChildProcess;
  /** Everything printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the output matches, rejects after `timeoutMs` or if the CLI exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/** Starts a long-running CLI command (`dev`, `logs`) in the background. */
export function spawnConvexCli(cwd: string, args: string[], target: Deployment): RunningCli {
  const child = spawn(process.execPath, [CONVEX_CLI, ...args], {
    cwd,
    env: convexCliEnv(target),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => out,
    waitFor: (pattern, timeoutMs = 120_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(out)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`Timed out waiting for ${pattern} in:\n${out}`));
        }, timeoutMs);
        const onExit = () => {
          done();
          if (pattern.test(out)) resolve();
          else reject(new Error(`The CLI exited before printing ${pattern}:\n${out}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A Convex project folder holding a copy of a fixture's `convex/` (without `_generated`). It lives in
 * the package so `convex` and the component packages resolve.
 */
export function convexProject(fixture: string): { dir: string; cleanup: () => void } {
  const root = join(import.meta.dirname, "..", ".convex-local");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, `${fixture}-`));
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({
      name: `${fixture}-project`,
      private: true,
      dependencies: { convex: "1.49.0" },
    }),
  );
  cpSync(fixtureDir(fixture), join(dir, "convex"), {
    recursive: true,
    filter: (src) => !src.includes("_generated"),
  });
  return {
    dir,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true });
      if (readdirSync(root).length === 0) rmdirSync(root);
    },
  };
}
