import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Restarts the shared stack's backend, so it runs after every other file.
const RUNS_LAST = "backend-restart.e2e.ts";

class BackendRestartLast extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const last = (file: TestSpecification) => file.moduleId.endsWith(RUNS_LAST);
    return [...sorted.filter((file) => !last(file)), ...sorted.filter(last)];
  }
}

export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/*.e2e.ts"],
    globalSetup: ["e2e/harness/global-setup.ts"],
    // The files share one worker, its imports and its Chromium (harness/browser.ts): a fresh
    // worker and browser per file cost several seconds each, and the files keep no module state.
    isolate: false,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    sequence: { sequencer: BackendRestartLast },
  },
});
