import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import { basePort, repoRoot } from "../harness/paths";
import { createVisitor, type Visitor } from "../harness/visitor";

// Beside the e2e stack's ports, so runs on other base ports never meet.
const BASE = Number(process.env.ECHO_E2E_START_BASE_PORT ?? basePort + 20);
const PORTS = {
  ECHO_WEB_PORT: BASE,
  ECHO_WIDGET_PORT: BASE + 1,
  ECHO_DEMO_PORT: BASE + 2,
  ECHO_BACKEND_PORT: BASE + 10,
  ECHO_SITE_PORT: BASE + 11,
};

type Run = {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  spawnedAt: number;
};

function runStart(dataDir: string): Run {
  const spawnedAt = Date.now();
  let output = "";
  // As a person types it: without the NODE_ENV=test that vitest sets, which turbo hashes, so the
  // build inside `npm start` is the cache hit of the build the suite runs on, not a rebuild that
  // rewrites .next under the servers of the e2e runs beside this one.
  const { NODE_ENV: _vitestNodeEnv, ...inherited } = process.env;
  const env: Record<string, string | undefined> = { ...inherited, ECHO_DATA_DIR: dataDir };
  for (const [name, port] of Object.entries(PORTS)) env[name] = String(port);
  const child = spawn("node", [join(repoRoot, "scripts/echo.mjs"), "start"], {
    cwd: repoRoot,
    // Next's types require NODE_ENV in every environment; a shell's has none.
    env: env as NodeJS.ProcessEnv,
  });
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited, spawnedAt };
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

/** The figures and URLs a run printed once it was up. */
function printed(output: string) {
  const value = (pattern: RegExp) => {
    const match = output.match(pattern);
    if (!match) throw new Error(`no ${pattern} in the output of npm start:\n${output}`);
    return match[1]!;
  };
  return {
    readySeconds: Number(value(/ready in (\d+(?:\.\d+)?) s/)),
    backend: value(/^\[echo\]\s+Convex backend\s+(http\S+)$/m),
    site: value(/^\[echo\]\s+Convex HTTP actions\s+(http\S+)$/m),
    dashboard: value(/^\[echo\]\s+dashboard\s+(http\S+)$/m),
    organizationId: value(/^\[echo\] demo organization id: (\S+)$/m),
    login: value(/^\[echo\] demo login: (\S+ \/ \S+)$/m),
  };
}

/** Signs in through the identity provider's API, as the sign-in form does. */
async function signIn(dashboard: string, login: string) {
  const [email, password] = login.split(" / ");
  const response = await fetch(`${dashboard}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: dashboard, "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function stopWithCtrlC(run: Run) {
  run.child.kill("SIGINT");
  expect(await run.exited).toBe(0);
}

describe("README command 1 (npm start)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "echo-start-"));
  let firstRun: ReturnType<typeof printed>;
  let visitor: Visitor;
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

  it("Ctrl-C while it is still starting stops every process it started", async () => {
    const freshData = mkdtempSync(join(tmpdir(), "echo-start-interrupted-"));
    try {
      const run = runStart(freshData);
      // A fresh data folder: the backend code is being pushed when Ctrl-C comes.
      await waitForOutput(run, /deploying packages\/backend with the Convex CLI/, 540_000);
      await stopWithCtrlC(run);
      expect(run.output()).not.toContain("Echo is up in local mode");
      for (const port of Object.values(PORTS)) {
        const server = await listen(port);
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      rmSync(freshData, { recursive: true, force: true });
    }
  }, 600_000);

  it("serves every printed URL and stops every process on Ctrl-C", async () => {
    const run = runStart(dataDir);
    try {
      await waitForOutput(run, /Echo is up in local mode/, 540_000);
      const urls = [
        ...run.output().matchAll(/^\[echo\]\s+(dashboard|widget|embed demo page)\s+(http\S+)$/gm),
      ].map((match) => ({ name: match[1], url: match[2]! }));
      expect(urls.map((entry) => entry.name)).toEqual(["dashboard", "widget", "embed demo page"]);
      for (const { url } of urls) {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
      }
      firstRun = printed(run.output());
      expect(firstRun.readySeconds).toBeGreaterThan(0);
      expect(firstRun.readySeconds).toBeLessThanOrEqual((Date.now() - run.spawnedAt) / 1000);
      // The first run pushes packages/backend with the official CLI.
      expect(run.output()).toContain("deployed packages/backend in");
      visitor = await createVisitor(firstRun, firstRun.organizationId, "Rita Returning");
      await visitor.send("Is my first message kept for the next run?");
    } finally {
      await stopWithCtrlC(run);
    }
    for (const port of Object.values(PORTS)) {
      const server = await listen(port);
      await new Promise((resolve) => server.close(resolve));
    }
  }, 600_000);

  it("a second run reuses the data and the deployed code, and prints its time", async () => {
    const run = runStart(dataDir);
    try {
      await waitForOutput(run, /Echo is up in local mode/, 540_000);
      const secondRun = printed(run.output());
      expect(secondRun.readySeconds).toBeGreaterThan(0);
      // Counted from this run's own start, not from the suite's command that spawned it.
      expect(secondRun.readySeconds).toBeLessThanOrEqual((Date.now() - run.spawnedAt) / 1000);
      console.info(
        `npm start: ready in ${firstRun.readySeconds} s on the first run, ${secondRun.readySeconds} s on the second`,
      );
      expect(run.output()).toContain("backend code unchanged since the last deploy");
      expect(run.output()).toContain("dependencies unchanged since the last install");
      expect(secondRun.organizationId).toBe(firstRun.organizationId);

      const cookies = await signIn(secondRun.dashboard, secondRun.login);
      const list = await fetch(`${secondRun.dashboard}/api/auth/organization/list`, {
        headers: { origin: secondRun.dashboard, cookie: cookies },
      });
      const organizations = (await list.json()) as { id: string; slug: string }[];
      expect(organizations.map((organization) => organization.id)).toEqual([
        firstRun.organizationId,
      ]);

      const messages = await visitor.messages();
      expect(messages.map((message) => message.text)).toContain(
        "Is my first message kept for the next run?",
      );
    } finally {
      await stopWithCtrlC(run);
    }
  }, 600_000);
});
