import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Tests start servers and CLI pushes, several times slower on a loaded machine; the limits
    // guard against hangs, not speed.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default on two cores is one worker. This package's Convex CLI files run minutes
    // after the other packages' suites end, so a second worker lets them use the idle core.
    // Every file starts its servers on free ports in its own temporary folders.
    maxWorkers: 2,
  },
});
