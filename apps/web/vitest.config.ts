import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "jsdom",
    // A loaded machine renders several times slower; the limit guards against hangs, not speed.
    testTimeout: 30_000,
    include: ["src/**/*.test.{ts,tsx}"],
    // next-intl imports `next/server` and `next/navigation` without an extension, which Node's ESM
    // resolution refuses; bundled through Vite they resolve as in the app.
    server: { deps: { inline: ["next-intl"] } },
  },
});
