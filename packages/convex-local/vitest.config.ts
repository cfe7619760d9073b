import { defineConfig } from "vitest/config";

import { moduleGraphProjects } from "../../scripts/lib/vitest-module-graphs.mjs";

// A file that mocks a module, stubs the environment or globals (convex-test installs its own), or
// spies on shared objects gets a module graph of its own; every other file shares one per worker.
const CHANGES_SHARED_STATE =
  /vi\.(mock|doMock|stubEnv|stubGlobal)\b|vi\.spyOn\(\s*(globalThis|process|console|performance|JSON|Date|Math|crypto)\b|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|globalThis(\.\w+|\[[^\]]+\])\s*=[^=]|"convex-test"/;

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
    // Code a test deploys lives under its data folder's modules/ and is imported natively, as the
    // server does outside tests; through Vite, every push of it was transformed and source-mapped.
    server: { deps: { external: [/\/modules\/(app|code)\//] } },
    projects: moduleGraphProjects(
      import.meta.dirname,
      "{src,test}/**/*.test.ts",
      CHANGES_SHARED_STATE,
    ),
  },
});
