// Sums a V8 CPU profile (node --cpu-prof) by function: self time and the share of all samples.
// Usage: node bench/cpuprofile.ts <file.cpuprofile> [--top 40] [--by function|file] [--total]
// --total: each function's time with everything it called (a sample counts once per function).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type CallFrame, frameFile, frameName } from "./call-frames.ts";

type Node = {
  id: number;
  callFrame: CallFrame;
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: "string", default: "40" },
    by: { type: "string", default: "function" },
    total: { type: "boolean", default: false },
  },
});
if (positionals.length !== 1) throw new Error("usage: node bench/cpuprofile.ts <file.cpuprofile>");
if (values.by !== "function" && values.by !== "file") throw new Error("--by: function or file");
const profile = JSON.parse(readFileSync(positionals[0]!, "utf8")) as Profile;

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + profile.timeDeltas[i]!));

function keyOf(node: Node): string {
  if (values.by === "file") return frameFile(node.callFrame) || "(native)";
  return frameName(node.callFrame);
}

const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const totals = new Map<string, number>();
let all = 0;
for (const [id, us] of selfUs) {
  all += us;
  const keys = new Set<string>();
  for (
    let at: number | undefined = id;
    at !== undefined;
    at = values.total ? parent.get(at) : undefined
  )
    keys.add(keyOf(byId.get(at)!));
  for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + us);
}
const idle = [...totals].filter(([k]) => k.startsWith("(idle)")).reduce((a, [, us]) => a + us, 0);
console.info(
  `${(all / 1000).toFixed(0)} ms sampled, ${(idle / 1000).toFixed(0)} ms idle; ${values.total ? "total" : "self"} time of the busy rest:`,
);
for (const [key, us] of [...totals]
  .filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(root)"))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(values.top)))
  console.info(
    `${(us / 1000).toFixed(1).padStart(8)} ms ${((us / (all - idle)) * 100).toFixed(1).padStart(5)}%  ${key}`,
  );
