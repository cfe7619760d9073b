import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const fixtureDir = (name: string) => join(import.meta.dirname, "fixtures", name, "convex");

/** A fresh temp directory, removed by the returned cleanup. */
export function tempDir(prefix = "convex-local-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
