// Sums self time per function of a `.cpuprofile` (from `node --cpu-prof`) and prints the top ones.
// Usage: node bench/cpuprofile.ts <file.cpuprofile> [--top 40]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: "string", default: "40" } },
});
const file = positionals[0];
if (!file) throw new Error("usage: node bench/cpuprofile.ts <file.cpuprofile> [--top N]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;

const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<string, number>();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const frame = nodeById.get(id)!.callFrame;
  const where = frame.url
    ? `${frame.url.replace(/^.*\/node_modules\//, "")}:${frame.lineNumber + 1}`
    : "";
  const key = `${frame.functionName || "(anonymous)"} ${where}`.trim();
  const dt = profile.timeDeltas[i] ?? 0;
  selfUs.set(key, (selfUs.get(key) ?? 0) + dt);
  totalUs += dt;
});

const idle = selfUs.get("(idle)") ?? 0;
console.info(`total ${(totalUs / 1000).toFixed(0)} ms, idle ${(idle / 1000).toFixed(0)} ms`);
const rows = [...selfUs].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]);
for (const [key, us] of rows.slice(0, Number(values.top)))
  console.info(
    `${(us / 1000).toFixed(1).padStart(8)} ms ${((us / (totalUs - idle)) * 100).toFixed(1).padStart(5)}%  ${key}`,
  );
