// Prints the loader's raw and gzip size against its budget; run `pnpm build` first (or pass a built file).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 1536;

const file = process.argv[2] ?? new URL("../dist/widget.js", import.meta.url);
let code;
try {
  code = readFileSync(file);
} catch {
  console.error(`${file} not found: run \`pnpm build\` first`);
  process.exit(1);
}
const gzip = gzipSync(code, { level: 9 }).length;
const pass = gzip <= BUDGET_BYTES;
console.info(`widget.js raw:    ${code.length} bytes`);
console.info(`widget.js gzip:   ${gzip} bytes (level 9)`);
console.info(`budget:           ${BUDGET_BYTES} bytes (1.5 KB) ${pass ? "PASS" : "FAIL"}`);
process.exit(pass ? 0 : 1);
