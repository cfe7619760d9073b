// Gzipped first-load JavaScript of the widget route ("/"), read from the build's own output in .next/:
// the shared root chunks (build-manifest.json rootMainFiles) plus the route's entry chunks for its
// layout and page (the client reference manifest's entryJSFiles). Chunks behind dynamic imports are
// not part of the first load. Polyfills load only in browsers without ES modules and are left out.
// Usage: pnpm build && pnpm bench   (exit code 1 when over budget)
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 120;
const ROUTE = "/page";
const root = join(dirname(fileURLToPath(import.meta.url)), "..", ".next");

if (!existsSync(join(root, "build-manifest.json"))) {
  console.error("No build found in .next/; run `pnpm build` first.");
  process.exit(2);
}

const buildManifest = JSON.parse(readFileSync(join(root, "build-manifest.json"), "utf8"));
const sandbox = { globalThis: {} };
sandbox.globalThis = sandbox;
runInNewContext(
  readFileSync(join(root, "server/app/page_client-reference-manifest.js"), "utf8"),
  sandbox,
);
const rsc = sandbox.__RSC_MANIFEST?.[ROUTE];
if (!rsc) {
  console.error(`The client reference manifest has no entry for ${ROUTE}.`);
  process.exit(2);
}

const entries = Object.entries(rsc.entryJSFiles).filter(([entry]) =>
  /\/src\/app\/(layout|page)$/.test(entry),
);
const files = new Map();
for (const file of buildManifest.rootMainFiles) files.set(file, "shared");
for (const [entry, chunks] of entries) {
  for (const file of chunks) if (!files.has(file)) files.set(file, entry.split("/src/app/")[1]);
}

let raw = 0;
let gzip = 0;
let shared = 0;
const rows = [];
for (const [file, owner] of files) {
  const bytes = readFileSync(join(root, file));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  if (owner === "shared") shared += zipped;
  rows.push({ file, owner, kb: (zipped / 1024).toFixed(1) });
}

rows.sort((a, b) => Number(b.kb) - Number(a.kb));
for (const row of rows)
  console.info(`${row.kb.padStart(7)} KB  ${row.owner.padEnd(7)} ${row.file}`);
const kb = gzip / 1024;
console.info(
  `framework (shared root chunks): ${(shared / 1024).toFixed(1)} KB; widget layout and page: ${((gzip - shared) / 1024).toFixed(1)} KB`,
);
console.info(
  `first-load JS of "/": ${kb.toFixed(1)} KB gzipped (${(raw / 1024).toFixed(1)} KB raw, ${files.size} files); budget ${BUDGET_KB} KB: ${kb <= BUDGET_KB ? "PASS" : "FAIL"}`,
);
process.exit(kb <= BUDGET_KB ? 0 : 1);
