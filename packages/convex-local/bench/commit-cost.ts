// The engine's own CPU per mutation, called in-process (no network, no clients): `insert` is the
// one-insert messages:send, `patch` is messages:edit of one message's body (indexed fields unchanged).
// Usage: node bench/commit-cost.ts [--mutations 4000] [--sync full,normal] [--concurrency 1,8]
//                                  [--kinds insert,patch] [--stages on|off] [--warmup 4000]
//                                  [--profile <dir>] (a V8 CPU profile over each timed case,
//                                  <dir>/<sync>-<kind>-<concurrency>.cpuprofile, for bench/cpuprofile.ts)
// Each case first runs --warmup untimed mutations: V8 compiles the hot path on background threads
// over the first few thousand calls, which would otherwise be charged to the first case.
// With --stages on it also prints each stage's event-loop µs per mutation (the rest: "other").
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { restartWithContextFrames } from "../src/runtime/environment/context-frames.ts";
import { Backend } from "../src/runtime/backend.ts";
import type { SyncMode } from "../src/storage/sqlite.ts";
import { STAGES, stageTimes } from "../src/diagnostics/stage-times.ts";
import { threadCpuSince, threadCpuUs } from "./thread-cpu.ts";
import { profiled } from "./cpu-profile.ts";

// Measured as the server runs (bin/convex-local.js): with async context frames.
restartWithContextFrames();

const { values } = parseArgs({
  options: {
    mutations: { type: "string", default: "4000" },
    sync: { type: "string", default: "full,normal" },
    concurrency: { type: "string", default: "1,8" },
    kinds: { type: "string", default: "insert,patch" },
    stages: { type: "string", default: "off" },
    warmup: { type: "string", default: "4000" },
    profile: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.info(
    "node bench/commit-cost.ts [--mutations 4000] [--sync full,normal] [--concurrency 1,8] [--kinds insert,patch] [--stages on|off] [--warmup 4000] [--profile <dir>]",
  );
  process.exit(0);
}
if (values.stages !== "on" && values.stages !== "off") throw new Error("--stages: on or off");
const total = Number(values.mutations);
const profileDir = values.profile;
if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "convex-local-commit-cost-"));
try {
  for (const syncMode of values.sync.split(",") as SyncMode[]) {
    const backend = new Backend({ dataDir: join(dir, syncMode), syncMode });
    await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
    for (const [kind, concurrency] of values.kinds
      .split(",")
      .flatMap((kind) => values.concurrency.split(",").map((c) => [kind, Number(c)] as const))) {
      const edited: string[] = [];
      for (let c = 0; c < concurrency; c++) {
        const created = await backend.call("mutation", {
          udfPath: "messages:send",
          args: { channel: `edited-${c}`, author: "bench", body: "first" },
          identity: null,
          isAdmin: false,
        });
        edited.push(created.status === "success" ? (created.value as string) : "");
      }
      let request = 0;
      // The sync protocol's mutations also record their outcome by (session, request).
      const send = async (c: number, i: number) => {
        const outcome = await backend.call("mutation", {
          udfPath: kind === "insert" ? "messages:send" : "messages:edit",
          args:
            kind === "insert"
              ? { channel: `c-${c}`, author: "bench", body: `${i}` }
              : { id: edited[c]!, body: `${i}` },
          identity: null,
          isAdmin: false,
          mutationKey: {
            sessionId: `${kind}-${concurrency}-${c}`,
            requestId: request++,
            mayBeResent: false,
          },
        });
        if (outcome.status !== "success") throw new Error(outcome.errorMessage);
      };
      const run = async (n: number) =>
        Promise.all(
          Array.from({ length: concurrency }, async (_, c) => {
            for (let i = 0; i < n / concurrency; i++) await send(c, i);
          }),
        );
      await run(Number(values.warmup));
      stageTimes.enabled = values.stages === "on";
      stageTimes.reset();
      const loop = performance.eventLoopUtilization();
      const cpu = process.cpuUsage();
      const mainCpu = process.threadCpuUsage();
      const threads = threadCpuUs();
      const t0 = performance.now();
      await profiled(
        profileDir === undefined
          ? null
          : join(profileDir, `${syncMode}-${kind}-${concurrency}.cpuprofile`),
        () => run(total),
      );
      const used = process.cpuUsage(cpu);
      const mainUsed = process.threadCpuUsage(mainCpu);
      const wallMs = performance.now() - t0;
      const busyUs = (performance.eventLoopUtilization(loop).active * 1000) / total;
      stageTimes.enabled = false;
      console.info(
        `--sync ${syncMode}, ${kind}, ${concurrency} concurrent: ${((used.user + used.system) / total) | 0} µs CPU per mutation (user ${(used.user / total) | 0}, system ${(used.system / total) | 0}; the event loop's thread ${((mainUsed.user + mainUsed.system) / total) | 0}), ${((total / wallMs) * 1000) | 0} mutations/s`,
      );
      // /proc counts in 10 ms ticks: over a few thousand mutations, a few µs per mutation.
      console.info(`  CPU µs per mutation by thread: ${threadCpuSince(threads, total)}`);
      if (values.stages === "on") {
        const stages = stageTimes.read();
        const perMutation = STAGES.map((s) => [s, (stages[s] * 1000) / total] as const);
        const other = busyUs - perMutation.reduce((a, [, us]) => a + us, 0);
        console.info(
          `  event loop µs per mutation: ${perMutation
            .filter(([, us]) => us > 0)
            .map(([s, us]) => `${s} ${us.toFixed(0)}`)
            .join(", ")}, other ${other.toFixed(0)}, busy ${busyUs.toFixed(0)}`,
        );
      }
    }
    backend.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
