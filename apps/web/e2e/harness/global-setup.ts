import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

import { startStack, type StackUrls } from "../../../../scripts/lib/start.mjs";
import { basePort, repoRoot, stackLogDir } from "./paths";
import { forgetDemoOperatorSession } from "./sign-in";

declare module "vitest" {
  export interface ProvidedContext {
    urls: StackUrls;
    hasBackend: boolean;
    adminKey: string;
    demo: { login: { email: string; password: string; name: string }; organizationId: string };
    /** The harness's control endpoint (POST /restart-backend), see backend-control.ts. */
    controlUrl: string;
  }
}

const BUILT_APPS = ["apps/web", "apps/widget"];
const REPLY_EMAIL_DELAY_MS = 3_000;

/** Each Next.js app's build id; `next start` serves that build from .next as pages ask for it. */
function buildIds() {
  return BUILT_APPS.map((app) => {
    const file = join(repoRoot, app, ".next", "BUILD_ID");
    return `${app}: ${existsSync(file) ? readFileSync(file, "utf8").trim() : "no build"}`;
  });
}

/** Starts the built local-mode stack on its own ports and data folder for the whole e2e run. */
export default async function setup(project: TestProject) {
  const setupStartedAt = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), "echo-e2e-"));
  forgetDemoOperatorSession();
  const logDir = stackLogDir;
  let crashed: string | null = null;
  const buildsAtStart = buildIds();
  const stack = await startStack(repoRoot, {
    ports: {
      web: basePort,
      widget: basePort + 1,
      demo: basePort + 2,
      backend: basePort + 10,
      site: basePort + 11,
      mail: basePort + 3,
      smtp: basePort + 4,
      whatsapp: basePort + 5,
    },
    dataDir,
    logDir,
    // An operator's reply reaches a visitor who left by email after seconds, not minutes.
    backendEnv: { ECHO_REPLY_EMAIL_DELAY_MS: String(REPLY_EMAIL_DELAY_MS) },
    onExit: (label, how) => {
      crashed = `${label} exited (${how}); see ${join(logDir, `${label}.log`)}`;
      console.error(`[e2e] ${crashed}`);
    },
  });
  project.provide("urls", stack.urls);
  project.provide("hasBackend", stack.hasBackend);
  project.provide("demo", stack.demo);
  project.provide("adminKey", stack.adminKey ?? "");

  // Test files run in workers; the stack's processes belong to this one, so a restart of the
  // backend is asked for over loopback HTTP.
  const control = createServer((request, response) => {
    if (request.method !== "POST" || request.url !== "/restart-backend") {
      response.writeHead(404).end();
      return;
    }
    stack.restartBackend().then(
      () => response.writeHead(204).end(),
      (error: Error) => response.writeHead(500).end(error.stack ?? error.message),
    );
  });
  await new Promise<void>((resolve) => control.listen(0, "127.0.0.1", resolve));
  project.provide("controlUrl", `http://127.0.0.1:${(control.address() as AddressInfo).port}`);
  console.info(`[e2e] stack up in ${((Date.now() - setupStartedAt) / 1000).toFixed(1)} s`);

  return async () => {
    const teardownStartedAt = Date.now();
    await new Promise((resolve) => control.close(resolve));
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    console.info(
      `[e2e] stack stopped in ${((Date.now() - teardownStartedAt) / 1000).toFixed(1)} s`,
    );
    if (crashed) throw new Error(crashed);
    // A build that replaces .next under the running servers breaks pages at random; say so
    // instead of leaving only the timeouts it causes.
    const buildsAtEnd = buildIds();
    if (buildsAtEnd.join() !== buildsAtStart.join()) {
      throw new Error(
        `the apps were rebuilt while the e2e suite ran (${buildsAtStart.join(", ")} → ${buildsAtEnd.join(", ")}); failures in this run may come from that, run it again`,
      );
    }
  };
}
