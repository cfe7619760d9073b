import { fileURLToPath } from "node:url";
import { build } from "vite";

export const TEST_BUILD_DIR = ".test-results/build";

// The bundle tests measure a fresh build in their own directory, so a parallel `pnpm build` cannot race them.
export default async function buildOnce(): Promise<void> {
  await build({
    root: fileURLToPath(new URL("..", import.meta.url)),
    logLevel: "warn",
    build: { outDir: TEST_BUILD_DIR },
  });
}
