import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

import { startStack, type StackUrls } from "../../../../scripts/lib/start.mjs";
import { repoRoot, resultsDir } from "./paths";
import { forgetDemoOperatorSession } from "./sign-in";

declare module "vitest" {
  export interface ProvidedContext {
    urls: StackUrls;
    hasBackend: boolean;
    adminKey: string;
    demo: { login: { email: string; password: string; name: string }; organizationId: string };
  }
}

const BASE_PORT = Number(process.env.ECHO_E2E_BASE_PORT ?? 4100);

/** Starts the built local-mode stack on its own ports and data folder for the whole e2e run. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "echo-e2e-"));
  forgetDemoOperatorSession();
  let crashed: string | null = null;
  const stack = await startStack(repoRoot, {
    ports: {
      web: BASE_PORT,
      widget: BASE_PORT + 1,
      demo: BASE_PORT + 2,
      backend: BASE_PORT + 10,
      site: BASE_PORT + 11,
    },
    dataDir,
    logDir: join(resultsDir, "logs"),
    onExit: (label, how) => {
      crashed = `${label} exited (${how}); see ${join(resultsDir, "logs", `${label}.log`)}`;
      console.error(`[e2e] ${crashed}`);
    },
  });
  project.provide("urls", stack.urls);
  project.provide("hasBackend", stack.hasBackend);
  project.provide("demo", stack.demo);
  project.provide("adminKey", stack.adminKey ?? "");
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (crashed) throw new Error(crashed);
  };
}
