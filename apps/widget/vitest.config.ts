import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The whole screen flow against a real HTTP server and proof-of-work keeps a fork and a jsdom of its
// own: on a loaded machine it failed 4 of its 28 tests once in the VM pool, and 1 once in the
// component files' shared worker (an organization's error never replaced the loading screen).
const SCREEN_FLOW = "src/modules/flow/ui/views/widget-view.test.tsx";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    // A loaded machine renders several times slower; the limit guards against hangs, not speed.
    testTimeout: 30_000,
    // Setting up jsdom costs more than most logic tests take to run: components get a DOM, logic
    // tests (`.test.ts`) run in Node unless the file asks for jsdom in its docblock.
    projects: [
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["src/**/*.test.tsx"],
          exclude: [SCREEN_FLOW],
          setupFiles: ["./src/test/fresh-modules.ts", "./src/test/setup.ts"],
          // One worker's jsdom and third-party modules serve every file; fresh-modules.ts gives
          // each file its own evaluation of ours.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "screen flow",
          environment: "jsdom",
          include: [SCREEN_FLOW],
          setupFiles: ["./src/test/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "logic",
          environment: "node",
          include: ["src/**/*.test.ts"],
          setupFiles: ["./src/test/fresh-modules.ts"],
          isolate: false,
        },
      },
    ],
  },
});
