import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    // A VM pool sets jsdom up once per worker, not once per file, and still gives each file a
    // fresh context and module graph.
    pool: "vmThreads",
    include: ["src/**/*.test.{ts,tsx}"],
    // A loaded machine renders several times slower; the limit guards against hangs, not speed.
    testTimeout: 30_000,
  },
});
