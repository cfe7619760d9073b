import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests start servers and CLI pushes, several times slower on a loaded machine; the limits
    // guard against hangs, not speed.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
