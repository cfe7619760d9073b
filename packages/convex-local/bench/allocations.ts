// Bytes the engine allocates per one-insert mutation (messages:send as the sync protocol sends it),
// by allocating function: V8's sampling heap profiler, counting objects already collected too.
// Unlike CPU time it does not move with the machine's load, so a change's effect on GC shows at once.
// Usage: node bench/allocations.ts [--mutations 4000] [--warmup 4000] [--top 30] [--interval 256]
import { mkdtempSync, rmSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CallFrame, frameName } from "./call-frames.ts";
import { restartWithContextFrames } from "../src/runtime/environment/context-frames.ts";
import { Backend } from "../src/runtime/backend.ts";

// Measured as the server runs (bin/convex-local.js): with async context frames.
restartWithContextFrames();

const { values } = parseArgs({
  options: {
    mutations: { type: "string", default: "4000" },
    warmup: { type: "string", default: "4000" },
    top: { type: "string", default: "30" },
    interval: { type: "string", default: "256" },
  },
});
const total = Number(values.mutations);
if (!(total > 0)) throw new Error("--mutations: a positive number");

type SampledNode = {
  callFrame: CallFrame;
  selfSize: number;
  children: SampledNode[];
};

function bytesByFunction(head: SampledNode): Map<string, number> {
  const bytes = new Map<string, number>();
  const pending = [head];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const key = frameName(node.callFrame);
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    pending.push(...node.children);
  }
  return bytes;
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-allocations-"));
try {
  const backend = new Backend({ dataDir: join(dir, "data"), syncMode: "normal" });
  await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
  let request = 0;
  const send = async (i: number) => {
    const outcome = await backend.call("mutation", {
      udfPath: "messages:send",
      args: { channel: "c", author: "bench", body: `${i}` },
      identity: null,
      isAdmin: false,
      mutationKey: { sessionId: "allocations", requestId: request++, mayBeResent: false },
    });
    if (outcome.status !== "success") throw new Error(outcome.errorMessage);
  };
  for (let i = 0; i < Number(values.warmup); i++) await send(i);
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.enable");
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: Number(values.interval),
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < total; i++) await send(i);
  const { profile } = await session.post("HeapProfiler.stopSampling");
  session.disconnect();
  const bytes = bytesByFunction(profile.head as SampledNode);
  const all = [...bytes.values()].reduce((a, b) => a + b, 0);
  console.info(`${(all / total).toFixed(0)} bytes allocated per mutation; by function:`);
  for (const [key, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top)))
    console.info(`${(size / total).toFixed(0).padStart(8)}  ${key}`);
  backend.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
