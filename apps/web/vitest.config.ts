import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const AUTH_TESTS = "src/modules/auth/**/*.test.ts";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    // A loaded machine renders several times slower; the limit guards against hangs, not speed.
    testTimeout: 30_000,
    // next-intl imports `next/server` and `next/navigation` without an extension, which Node's ESM
    // resolution refuses; bundled through Vite they resolve as in the app.
    server: { deps: { inline: ["next-intl"] } },
    // Setting up jsdom costs more than most logic tests take to run: components get a DOM, logic
    // tests (`.test.ts`) run in Node unless the file asks for jsdom in its docblock.
    projects: [
      {
        extends: true,
        test: {
          name: "components",
          environment: "jsdom",
          include: ["src/**/*.test.tsx"],
          setupFiles: ["./src/test/fresh-modules.ts", "./src/test/web-streams.ts"],
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
          exclude: [AUTH_TESTS],
          // These files share no state, so one module graph serves them all instead of one each.
          isolate: false,
        },
      },
      {
        // The auth files mock Clerk and stub the environment; each evaluates our modules afresh.
        extends: true,
        test: {
          name: "auth",
          environment: "node",
          include: [AUTH_TESTS],
          setupFiles: ["./src/test/fresh-modules.ts"],
          isolate: false,
        },
      },
    ],
  },
});
