import { defineConfig } from "vitest/config";

// Tests run in retrieval mode, with self-hosted billing and local secrets, whatever the developer's
// shell exports; the tests that need a model, Clerk billing, AWS, Vapi or SMTP stub these themselves.
// Workers inherit this env.
for (const name of [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "ECHO_CHAT_MODEL",
  "ECHO_EMBEDDING_MODEL",
  "ECHO_EMBEDDING_DIMENSION",
  "ECHO_RELEVANCE_THRESHOLD",
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

export default defineConfig({
  test: {
    environment: "edge-runtime",
    // Component test helpers ship as TypeScript using import.meta.glob, so vite must transform them.
    server: { deps: { inline: ["convex-test", /@convex-dev\//] } },
    include: ["convex/**/*.test.ts"],
    // A safety net, not a speed check: CI runs every package's suite at once on two cores.
    testTimeout: 30_000,
  },
});
