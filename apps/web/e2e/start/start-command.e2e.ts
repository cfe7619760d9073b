import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { repoRoot } from "../harness/paths";

const BASE = Number(process.env.ECHO_E2E_START_BASE_PORT ?? 4200);
const PORTS = {
  ECHO_WEB_PORT: BASE,
  ECHO_WIDGET_PORT: BASE + 1,
  ECHO_DEMO_PORT: BASE + 2,
  ECHO_BACKEND_PORT: BASE + 10,
  ECHO_SITE_PORT: BASE + 11,
};

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function runStart(dataDir: string): Run {
  let output = "";
  const env: NodeJS.ProcessEnv = { ...process.env, ECHO_DATA_DIR: dataDir };
  for (const [name, port] of Object.entries(PORTS)) env[name] = String(port);
  const child = spawn("node", [join(repoRoot, "scripts/echo.mjs"), "start"], {
    cwd: repoRoot,
    env,
  });
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(run: Run, pattern: RegExp, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = run.output().match(pattern);
    if (match) return match;
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${pattern} in the output of npm start:\n${run.output()}`);
}

function listen(port: number) {
  return new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

describe("README command 1 (npm start)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "echo-start-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses to start when a port is taken, naming the port", async () => {
    const blocker = await listen(PORTS.ECHO_WIDGET_PORT);
    try {
      const run = runStart(dataDir);
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toContain(`port ${PORTS.ECHO_WIDGET_PORT} (widget) is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 300_000);

  it("serves every printed URL and stops every process on Ctrl-C", async () => {
    const run = runStart(dataDir);
    try {
      await waitForOutput(run, /Echo is up in local mode/, 240_000);
      const urls = [
        ...run.output().matchAll(/^\[echo\]\s+(dashboard|widget|embed demo page)\s+(http\S+)$/gm),
      ].map((match) => ({ name: match[1], url: match[2]! }));
      expect(urls.map((entry) => entry.name)).toEqual(["dashboard", "widget", "embed demo page"]);
      for (const { url } of urls) {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
      }
    } finally {
      run.child.kill("SIGINT");
    }
    expect(await run.exited).toBe(0);
    for (const port of [PORTS.ECHO_WEB_PORT, PORTS.ECHO_WIDGET_PORT, PORTS.ECHO_DEMO_PORT]) {
      const server = await listen(port);
      await new Promise((resolve) => server.close(resolve));
    }
  }, 300_000);
});
