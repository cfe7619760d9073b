import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    // A loaded machine renders several times slower; the limit guards against hangs, not speed.
    testTimeout: 30_000,
  },
});
