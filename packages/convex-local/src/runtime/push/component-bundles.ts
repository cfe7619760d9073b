import { createHash } from "node:crypto";
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { type Bundle, bundleFunctions } from "./bundle.ts";

/** Names the source of a component: its files' sizes and times, plus its package's package.json. */
function fingerprint(dir: string): string {
  const hash = createHash("sha256").update(realpathSync(dir));
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      if (name === "node_modules") continue;
      const full = join(current, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else hash.update(`${full}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  walk(dir);
  for (let current = dir; current !== dirname(current); current = dirname(current)) {
    const manifest = join(current, "package.json");
    if (existsSync(manifest)) {
      hash.update(readFileSync(manifest));
      break;
    }
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * Bundles a component once per version of its source. Reusing the same files lets a reload import
 * the same module URLs, which Node has cached, instead of loading another copy of the component.
 */
export async function componentBundle(dir: string, modulesDir: string): Promise<Bundle> {
  const outDir = join(modulesDir, "components", fingerprint(dir));
  const manifest = join(outDir, "bundle.json");
  if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, "utf8")) as Bundle;
  const bundle = await bundleFunctions(dir, outDir);
  writeFileSync(manifest, JSON.stringify(bundle));
  return bundle;
}
