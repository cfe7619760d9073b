// Prints throughput, latency and memory figures for convex-local.
// Usage: node bench/run.ts [--clients 1,8,32] [--subscriptions 1000] [--seconds 5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { openDatabase, type SyncMode } from "../src/storage/sqlite.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer } from "../src/server/server.ts";
import { api } from "../test/fixtures/basic/convex/_generated/api.js";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1,8,32" },
    subscriptions: { type: "string", default: "1000" },
    seconds: { type: "string", default: "5" },
  },
});
const clientCounts = values.clients.split(",").map(Number);
const subscriptions = Number(values.subscriptions);
const seconds = Number(values.seconds);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function report(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `${label}: p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms (n=${samples.length})`;
}

function rawSqlite(dir: string, syncMode: SyncMode): number {
  const db = openDatabase(dir, syncMode);
  db.exec("CREATE TABLE bench (id INTEGER PRIMARY KEY, body TEXT)");
  const insert = db.prepare("INSERT INTO bench (body) VALUES (?)");
  const deadline = performance.now() + seconds * 1000;
  let n = 0;
  while (performance.now() < deadline) {
    db.exec("BEGIN IMMEDIATE");
    insert.run(`row ${n}`);
    db.exec("COMMIT");
    n++;
  }
  db.close();
  return n / seconds;
}

async function commits(url: string, clients: number): Promise<void> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const client = new ConvexHttpClient(url, { logger: false });
      for (let i = 0; performance.now() < deadline; i++) {
        const t0 = performance.now();
        await client.mutation(api.messages.send, {
          channel: `bench-${c}`,
          author: "bench",
          body: `${i}`,
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  console.info(
    `one-insert mutations, ${clients} concurrent HTTP clients: ${(latencies.length / elapsed).toFixed(0)} commits/s`,
  );
  console.info(report("  mutation latency", latencies));
}

async function reactivity(url: string): Promise<void> {
  const client = new ConvexClient(url, { logger: false });
  const waiting = new Map<string, (n: number) => void>();
  const ready: Array<Promise<void>> = [];
  for (let i = 0; i < subscriptions; i++) {
    const channel = `sub-${i}`;
    let first = true;
    ready.push(
      new Promise((resolve) => {
        client.onUpdate(api.messages.list, { channel }, (rows) => {
          if (first) {
            first = false;
            resolve();
            return;
          }
          waiting.get(channel)?.(rows.length);
        });
      }),
    );
  }
  await Promise.all(ready);
  const writer = new ConvexHttpClient(url, { logger: false });
  const latencies: number[] = [];
  for (let i = 0; i < 200; i++) {
    const channel = `sub-${Math.floor(Math.random() * subscriptions)}`;
    const updated = new Promise<number>((resolve) =>
      waiting.set(channel, () => resolve(performance.now())),
    );
    await writer.mutation(api.messages.send, { channel, author: "bench", body: `${i}` });
    const acknowledged = performance.now();
    latencies.push((await updated) - acknowledged);
    waiting.delete(channel);
  }
  console.info(
    report(
      `commit-to-update with ${subscriptions} subscribed queries (from mutation response)`,
      latencies,
    ),
  );
  await client.close();
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-bench-"));
try {
  for (const syncMode of ["full", "normal"] as const) {
    console.info(`--sync ${syncMode}`);
    console.info(
      `raw SQLite one-row transactions (WAL): ${rawSqlite(join(dir, `raw-${syncMode}`), syncMode).toFixed(0)} tx/s`,
    );
    const backend = new Backend({ dataDir: join(dir, `data-${syncMode}`), syncMode });
    await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
    const server = await startServer({ backend, port: 0, sitePort: 0, instanceSecret: null });
    for (const clients of clientCounts) await commits(server.url, clients);
    if (syncMode === "full") await reactivity(server.url);
    await server.close();
    backend.close();
  }
  console.info(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
