import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    // next-intl imports `next/server` and `next/navigation` without an extension, which Node's ESM
    // resolution refuses; bundled through Vite they resolve as in the app.
    server: { deps: { inline: ["next-intl"] } },
  },
});
