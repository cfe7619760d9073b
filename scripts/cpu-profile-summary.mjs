#!/usr/bin/env node
/**
 * Sums a V8 CPU profile's self time per function and per file (`node --cpu-prof`, or the profile
 * the answers bench's BENCH_CPU_PROF makes convex-local write):
 * `node scripts/cpu-profile-summary.mjs <file.cpuprofile> [rows] [from-to]`,
 * from-to in seconds since the profile started (e.g. `60-75` for one bench phase; the busy time
 * per second it prints shows where phases are). Idle time is left out of the shares, so they are
 * shares of the time the process was busy.
 */
import { readFileSync } from "node:fs";

const [file, rowsArg, windowArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: cpu-profile-summary.mjs <file.cpuprofile> [rows] [from-to]");
  process.exit(1);
}
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const [fromS, toS] = (windowArg ?? "0-Infinity").split("-").map(Number);
const selfUs = new Map();
const busyPerSecond = [];
let atUs = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  atUs += us;
  const second = Math.floor(atUs / 1e6);
  if (nodes.get(id).callFrame.functionName !== "(idle)")
    busyPerSecond[second] = (busyPerSecond[second] ?? 0) + us;
  if (second >= fromS && second < toS) selfUs.set(id, (selfUs.get(id) ?? 0) + us);
});

const shortUrl = (url) =>
  url
    .replace(/^file:\/\//, "")
    .replace(/.*\/node_modules\/\.pnpm\/[^/]+\/node_modules\//, "")
    .replace(/.*\/packages\//, "packages/");
const byFunction = new Map();
const byFile = new Map();
let busyUs = 0;
let idleUs = 0;
for (const [id, us] of selfUs) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  if (functionName === "(idle)") {
    idleUs += us;
    continue;
  }
  busyUs += us;
  const where = url ? `${shortUrl(url)}:${lineNumber + 1}` : "";
  const fn = `${functionName || "(anonymous)"} ${where}`.trim();
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  const place = url ? shortUrl(url) : functionName;
  byFile.set(place, (byFile.get(place) ?? 0) + us);
}

const print = (title, map) => {
  console.info(`\n${title}`);
  for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows))
    console.info(
      `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / busyUs).toFixed(1).padStart(5)}%  ${name}`,
    );
};
console.info(
  `busy ms per second: ${Array.from(busyPerSecond, (us, s) => `${s}:${((us ?? 0) / 1000).toFixed(0)}`).join(" ")}`,
);
console.info(
  `window ${fromS}-${toS} s: busy ${(busyUs / 1000).toFixed(0)} ms, idle ${(idleUs / 1000).toFixed(0)} ms (${file})`,
);
print("self time per function", byFunction);
print("self time per file", byFile);
