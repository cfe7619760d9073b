import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "edge-runtime",
    // Component test helpers ship as TypeScript using import.meta.glob, so vite must transform them.
    server: { deps: { inline: ["convex-test", /@convex-dev\//] } },
    include: ["convex/**/*.test.ts"],
  },
});
