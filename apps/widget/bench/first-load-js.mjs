// Gzipped first-load JavaScript of the widget route ("/"), read from the build's own output in .next/:
// the chunks build-manifest.json lists for the route's page and for _app (the framework, the
// runtime and the app shell), which is what the page's HTML loads. Chunks behind dynamic imports
// are not part of the first load. Polyfills load only in browsers without ES modules and are left out.
// Usage: pnpm build && pnpm bench   (exit code 1 when over budget)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 120;
const ROUTE = "/";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", ".next");

if (!existsSync(join(root, "build-manifest.json"))) {
  console.error("No build found in .next/; run `pnpm build` first.");
  process.exit(2);
}

const { pages } = JSON.parse(readFileSync(join(root, "build-manifest.json"), "utf8"));
if (!pages?.[ROUTE] || !pages["/_app"]) {
  console.error(`The build manifest has no Pages Router entry for ${ROUTE} and /_app.`);
  process.exit(2);
}

const files = new Map();
const js = (file) => file.endsWith(".js");
for (const file of pages["/_app"].filter(js)) files.set(file, "_app");
for (const file of pages[ROUTE].filter(js)) if (!files.has(file)) files.set(file, "page");

let raw = 0;
let gzip = 0;
let app = 0;
const rows = [];
for (const [file, owner] of files) {
  const bytes = readFileSync(join(root, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  if (owner === "_app") app += zipped;
  rows.push({ file, owner, kb: (zipped / 1024).toFixed(1) });
}

rows.sort((a, b) => Number(b.kb) - Number(a.kb));
for (const row of rows)
  console.info(`${row.kb.padStart(7)} KB  ${row.owner.padEnd(5)} ${row.file}`);
const kb = gzip / 1024;
console.info(
  `framework, runtime and _app: ${(app / 1024).toFixed(1)} KB; widget page: ${((gzip - app) / 1024).toFixed(1)} KB`,
);
console.info(
  `first-load JS of "${ROUTE}": ${kb.toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw, ${files.size} files); budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? "PASS" : "FAIL"}`,
);
process.exit(kb <= BUDGET_KB ? 0 : 1);
