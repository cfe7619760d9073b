import { fileURLToPath } from "node:url";
import { build } from "vite";

// The bundle tests read dist/widget.js, so every run measures a fresh build.
export default async function buildOnce(): Promise<void> {
  await build({ root: fileURLToPath(new URL("..", import.meta.url)), logLevel: "warn" });
}
