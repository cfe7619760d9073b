import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    // A loaded machine renders several times slower; the limit guards against hangs, not speed.
    testTimeout: 30_000,
    include: ["src/**/*.test.ts"],
    globalSetup: ["test/build-once.ts"],
  },
});
