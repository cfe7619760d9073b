import { defineConfig } from "vitest/config";

// README command 1 builds and starts its own stack, so it runs alone, after the e2e stack stops.
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/start/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
  },
});
