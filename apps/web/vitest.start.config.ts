import { defineConfig } from "vitest/config";

// README command 1 and path B start stacks of their own, on ports beside the e2e stack's
// (ECHO_E2E_BASE_PORT + 20 and + 40), so this runs beside vitest.e2e.config.ts (`pnpm e2e:start`).
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/start/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
  },
});
