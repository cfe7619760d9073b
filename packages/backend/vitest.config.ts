import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

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

// A file that mocks a module, stubs globals, or spies on shared objects changes what later files
// would import; it gets a module graph of its own. Every other file shares one: loading the Convex
// modules and convex-test once instead of once per file. `vi.stubEnv` alone does not count: the
// functions read the environment when they run, and each such file undoes its stubs
// (`vi.unstubAllEnvs`) when it is done.
const CHANGES_SHARED_STATE = /vi\.(mock|doMock|stubGlobal|spyOn)\b|process\.env|globalThis/;
const testFiles = readdirSync(new URL("./convex", import.meta.url), {
  recursive: true,
  encoding: "utf8",
})
  .filter((file) => file.endsWith(".test.ts"))
  .map((file) => join("convex", file));
const ownGraph = testFiles.filter((file) =>
  CHANGES_SHARED_STATE.test(readFileSync(new URL(file, import.meta.url), "utf8")),
);

export default defineConfig({
  test: {
    environment: "edge-runtime",
    // Component test helpers ship as TypeScript using import.meta.glob, so vite must transform them.
    server: { deps: { inline: ["convex-test", /@convex-dev\//] } },
    // A safety net, not a speed check: CI runs every package's suite at once on two cores.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["convex/**/*.test.ts"],
          exclude: ownGraph,
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ownGraph } },
    ],
  },
});
