import { defineConfig } from "vitest/config";

import { moduleGraphProjects } from "../../scripts/lib/vitest-module-graphs.mjs";

import { MODEL_SETTINGS } from "./convex/lib/ai/modelSettings.ts";

// Tests run in retrieval mode, with self-hosted billing and local secrets, whatever the developer's
// shell exports; the tests that need a model, Clerk billing, AWS, Vapi or SMTP stub these themselves.
// Workers inherit this env.
for (const name of [
  ...MODEL_SETTINGS,
  "ECHO_BILLING",
  "IDENTITY_WEBHOOK_SECRET",
  "BILLING_WEBHOOK_SECRET",
  "ECHO_SECRETS_KEY",
  "ECHO_SECRETS_KEY_PREVIOUS",
  "SECRETS_AWS_REGION",
  "SECRETS_AWS_ACCESS_KEY_ID",
  "SECRETS_AWS_SECRET_ACCESS_KEY",
  "SECRETS_AWS_SESSION_TOKEN",
  "SECRETS_AWS_PREFIX",
  "VAPI_API_URL",
  "SMTP_URL",
  "SMTP_FROM",
  "ECHO_REPLY_EMAIL_DELAY_MS",
]) {
  delete process.env[name];
}

// A file that mocks a module, stubs globals, or spies on shared objects gets a module graph of its
// own; every other file shares one, loading the Convex modules and convex-test once. `vi.stubEnv`
// alone does not count: the functions read the environment when they run, and each such file
// undoes its stubs (`vi.unstubAllEnvs`) when it is done.
const CHANGES_SHARED_STATE = /vi\.(mock|doMock|stubGlobal|spyOn)\b|process\.env|globalThis/;

export default defineConfig({
  test: {
    environment: "edge-runtime",
    // Component test helpers ship as TypeScript using import.meta.glob, so vite must transform them.
    server: { deps: { inline: ["convex-test", /@convex-dev\//] } },
    // A safety net, not a speed check: CI runs every package's suite at once on two cores.
    testTimeout: 30_000,
    projects: moduleGraphProjects(import.meta.dirname, "convex/**/*.test.ts", CHANGES_SHARED_STATE),
  },
});
