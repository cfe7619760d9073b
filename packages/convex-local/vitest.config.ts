import { globSync, readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

// A file that mocks a module, stubs the environment or globals (convex-test installs its own), or
// spies on shared objects changes what later files would import; it gets a module graph of its own.
// Every other file shares one per worker: the backend's modules load once instead of once per file.
const CHANGES_SHARED_STATE =
  /vi\.(mock|doMock|stubEnv|stubGlobal|spyOn)\b|process\.env|globalThis|"convex-test"/;
const ownGraph = globSync("{src,test}/**/*.test.ts", { cwd: import.meta.dirname }).filter((file) =>
  CHANGES_SHARED_STATE.test(readFileSync(new URL(file, import.meta.url), "utf8")),
);

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
    projects: [
      {
        extends: true,
        test: {
          name: "shared",
          include: ["{src,test}/**/*.test.ts"],
          exclude: ownGraph,
          isolate: false,
        },
      },
      { extends: true, test: { name: "isolated", include: ownGraph } },
    ],
  },
});
