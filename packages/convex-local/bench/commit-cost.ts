// The engine's own CPU per mutation, called in-process (no network, no clients): `insert` is the
// one-insert messages:send, `patch` is messages:edit of one message's body (indexed fields unchanged).
// Usage: node bench/commit-cost.ts [--mutations 4000] [--sync full,normal] [--concurrency 1,8]
//                                  [--kinds insert,patch]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Backend } from "../src/runtime/backend.ts";
import type { SyncMode } from "../src/storage/sqlite.ts";

const { values } = parseArgs({
  options: {
    mutations: { type: "string", default: "4000" },
    sync: { type: "string", default: "full,normal" },
    concurrency: { type: "string", default: "1,8" },
    kinds: { type: "string", default: "insert,patch" },
  },
});
const total = Number(values.mutations);
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
      await run(Math.min(total, 400));
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      await run(total);
      const used = process.cpuUsage(cpu);
      const wallMs = performance.now() - t0;
      console.info(
        `--sync ${syncMode}, ${kind}, ${concurrency} concurrent: ${((used.user + used.system) / total) | 0} µs CPU per mutation (user ${(used.user / total) | 0}, system ${(used.system / total) | 0}), ${((total / wallMs) * 1000) | 0} mutations/s`,
      );
    }
    backend.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
