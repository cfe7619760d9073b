// Prints throughput, latency and memory figures for convex-local.
// Usage: node bench/run.ts [--clients 1,8,32] [--kinds http,ws] [--sync full,normal]
//                          [--subscriptions 1000] [--seconds 5]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { openDatabase, type SyncMode } from "../src/storage/sqlite.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer } from "../src/server/server.ts";
import {
  type ClientKind,
  type CommitsResult,
  type LoadTask,
  monotonicMs,
  type ReactivityResult,
} from "./load.ts";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1,8,32" },
    kinds: { type: "string", default: "http,ws" },
    sync: { type: "string", default: "full,normal" },
    subscriptions: { type: "string", default: "1000" },
    seconds: { type: "string", default: "5" },
  },
});
const clientCounts = values.clients.split(",").map(Number);
const kinds = values.kinds.split(",") as ClientKind[];
const syncModes = values.sync.split(",") as SyncMode[];
const subscriptions = Number(values.subscriptions);
const seconds = Number(values.seconds);
for (const kind of kinds)
  if (kind !== "http" && kind !== "ws") throw new Error(`--kinds: unknown client kind "${kind}"`);
for (const mode of syncModes)
  if (mode !== "full" && mode !== "normal") throw new Error(`--sync: unknown mode "${mode}"`);

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summarize(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

/** The baseline: one BEGIN IMMEDIATE / INSERT / COMMIT per row, unbatched, same pragmas. */
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

function runWorker<T>(task: LoadTask): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./load.ts", import.meta.url), { workerData: task });
    worker.once("message", (result: T) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
  });
}

type Row = { mode: SyncMode; raw: number; cells: Map<string, { rate: number; p99: number }> };
const rows: Row[] = [];

async function reactivity(backend: Backend, url: string): Promise<void> {
  // A store listener runs right after the commit's fsync: that instant is the commit's time.
  const committedAt = new Map<string, number>();
  const stop = backend.store.onCommit((commit) => {
    const now = monotonicMs();
    for (const id of commit.documents) committedAt.set(id, now);
  });
  const { updates } = await runWorker<ReactivityResult>({
    task: "reactivity",
    url,
    subscriptions,
    writes: 200,
  });
  stop();
  const latencies = updates.map((u) => u.receivedAt - committedAt.get(u.id)!);
  const { p50, p99 } = summarize(latencies);
  console.info(
    `commit-to-update with ${subscriptions} subscribed queries (ConvexClient onUpdate, from the commit's fsync): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (n=${latencies.length})`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-bench-"));
try {
  console.info(
    "raw SQLite: node:sqlite, WAL, the same synchronous pragma, SQLite's default checkpointing; one BEGIN IMMEDIATE/INSERT/COMMIT per row, unbatched, in-process, no network.",
  );
  console.info(
    "engine: the one-insert mutation messages:send through the official clients (http = ConvexHttpClient, ws = ConvexClient), run in a worker thread; concurrent commits share one fsync (group commit).",
  );
  for (const syncMode of syncModes) {
    console.info(`--sync ${syncMode}`);
    const raw = rawSqlite(join(dir, `raw-${syncMode}`), syncMode);
    console.info(`  raw SQLite one-row transactions: ${raw.toFixed(0)} tx/s`);
    const row: Row = { mode: syncMode, raw, cells: new Map() };
    rows.push(row);
    const backend = new Backend({ dataDir: join(dir, `data-${syncMode}`), syncMode });
    await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
    const server = await startServer({ backend, port: 0, sitePort: 0, instanceSecret: null });
    for (const kind of kinds) {
      for (const clients of clientCounts) {
        const loop = performance.eventLoopUtilization();
        const { latencies, elapsedMs } = await runWorker<CommitsResult>({
          task: "commits",
          url: server.url,
          kind,
          clients,
          seconds,
        });
        // The server's event loop is busy this long per commit (worker startup and warm-up included).
        const busyUs = (performance.eventLoopUtilization(loop).active * 1000) / latencies.length;
        const rate = latencies.length / (elapsedMs / 1000);
        const { p50, p99 } = summarize(latencies);
        row.cells.set(`${kind} ${clients}`, { rate, p99 });
        console.info(
          `  ${kind} x${clients}: ${rate.toFixed(0)} commits/s (${((rate / raw) * 100).toFixed(0)}% of raw), latency p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (n=${latencies.length}), server event loop busy ${busyUs.toFixed(0)} µs/commit`,
        );
      }
    }
    if (syncMode === syncModes[0]) await reactivity(backend, server.url);
    await server.close();
    backend.close();
  }
  console.info(`peak RSS: ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
  const columns = [...rows[0]!.cells.keys()];
  console.info(`\n| --sync | raw SQLite | ${columns.join(" | ")} |`);
  console.info(`| --- | --- | ${columns.map(() => "---").join(" | ")} |`);
  for (const row of rows) {
    const cells = columns.map((c) => {
      const cell = row.cells.get(c)!;
      return `${cell.rate.toFixed(0)}/s (${((cell.rate / row.raw) * 100).toFixed(0)}%, p99 ${cell.p99.toFixed(1)} ms)`;
    });
    console.info(`| ${row.mode} | ${row.raw.toFixed(0)} tx/s | ${cells.join(" | ")} |`);
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
