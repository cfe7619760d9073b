import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
          setupFiles: ["./src/test/fresh-modules.ts", "./src/test/setup.ts"],
          // One worker's jsdom and third-party modules serve every file; fresh-modules.ts gives
          // each file its own evaluation of ours.
          isolate: false,
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
