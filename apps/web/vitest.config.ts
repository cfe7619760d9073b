import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    // next-intl's navigation imports `next/navigation` without an extension, which Node's ESM
    // resolution refuses; bundled through Vite it resolves as in the app.
    server: { deps: { inline: ["next-intl"] } },
  },
});
