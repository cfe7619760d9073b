// Prints throughput, latency and memory figures for convex-local.
// Usage: node bench/run.ts [--clients 1,8,32] [--kinds http,ws] [--sync full,normal]
//                          [--subscriptions 1000] [--writes 200] [--seconds 5] [--stages on|off]
//                          [--port 0] (the deployment API's port, the HTTP-actions site's next; 0: any free)
//                          [--warmup 2] (untimed seconds of each kind's load first, so that V8's
//                          compiling of the hot path is not charged to whichever case runs first)
//                          [--profile <dir>] (a V8 CPU profile of the server over each timed case,
//                          <dir>/<sync>-<kind>-<clients>.cpuprofile, for bench/cpuprofile.ts)
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { restartWithContextFrames } from "../src/runtime/environment/context-frames.ts";
import { openDatabase, type SyncMode } from "../src/storage/sqlite.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer } from "../src/server/server.ts";
import { STAGES, stageTimes } from "../src/diagnostics/stage-times.ts";
import { transitionTrace } from "../src/diagnostics/transition-trace.ts";
import {
  type ClientKind,
  type CommitsResult,
  monotonicMs,
  type ReactivityResult,
  runLoad,
  watchGc,
} from "./load.ts";
import { printUpdateBreakdown } from "./update-breakdown.ts";
import { profiled } from "./cpu-profile.ts";

// Measured as the server runs (bin/convex-local.js): with async context frames.
restartWithContextFrames();

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "1,8,32" },
    kinds: { type: "string", default: "http,ws" },
    sync: { type: "string", default: "full,normal" },
    subscriptions: { type: "string", default: "1000" },
    writes: { type: "string", default: "200" },
    seconds: { type: "string", default: "5" },
    stages: { type: "string", default: "on" },
    port: { type: "string", default: "0" },
    warmup: { type: "string", default: "2" },
    profile: { type: "string" },
  },
});
const clientCounts = values.clients.split(",").map(Number);
const kinds = values.kinds.split(",") as ClientKind[];
const syncModes = values.sync.split(",") as SyncMode[];
const subscriptions = Number(values.subscriptions);
const seconds = Number(values.seconds);
const port = Number(values.port);
const warmupSeconds = Number(values.warmup);
for (const kind of kinds)
  if (kind !== "http" && kind !== "ws") throw new Error(`--kinds: unknown client kind "${kind}"`);
for (const mode of syncModes)
  if (mode !== "full" && mode !== "normal") throw new Error(`--sync: unknown mode "${mode}"`);
if (values.stages !== "on" && values.stages !== "off") throw new Error("--stages: on or off");
if (!Number.isInteger(port) || port < 0 || port > 65534) throw new Error("--port: 0 to 65534");
if (!(warmupSeconds >= 0)) throw new Error("--warmup: seconds, 0 or more");
stageTimes.enabled = values.stages === "on";
const profileDir = values.profile;
if (profileDir !== undefined) mkdirSync(profileDir, { recursive: true });

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 250);

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

type Row = { mode: SyncMode; raw: number; cells: Map<string, { rate: number; p99: number }> };
const rows: Row[] = [];
/** Server µs per commit: each stage's event-loop time, then the process's CPU time over the run. */
const stageRows: string[] = [];

async function reactivity(backend: Backend, url: string): Promise<void> {
  // A store listener runs right after the commit's fsync: that instant is the commit's time.
  const committedAt = new Map<string, number>();
  const stop = backend.store.onCommit((commit) => {
    const now = monotonicMs();
    for (const id of commit.documents) committedAt.set(id, now);
  });
  const traceOffset = monotonicMs() - performance.now();
  transitionTrace.enabled = true;
  transitionTrace.drain();
  const stopGc = watchGc();
  const { updates, gc } = await runLoad<ReactivityResult>({
    task: "reactivity",
    url,
    subscriptions,
    writes: Number(values.writes),
  });
  const serverGc = stopGc();
  transitionTrace.enabled = false;
  const marks = transitionTrace.drain().map((m) => ({ ...m, at: m.at + traceOffset }));
  stop();
  const latencies = updates.map((u) => u.receivedAt - committedAt.get(u.id)!);
  const { p50, p99 } = summarize(latencies);
  console.info(
    `commit-to-update with ${subscriptions} subscribed queries (ConvexClient onUpdate, from the commit's fsync): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (n=${latencies.length})`,
  );
  printUpdateBreakdown(
    updates.map((u) => ({ ...u, committedAt: committedAt.get(u.id)! })),
    marks,
    serverGc,
    gc,
  );
}

const dir = mkdtempSync(join(tmpdir(), "convex-local-bench-"));
try {
  console.info(
    "raw SQLite: node:sqlite, WAL, the same synchronous pragma, SQLite's default checkpointing; one BEGIN IMMEDIATE/INSERT/COMMIT per row, unbatched, in-process, no network.",
  );
  console.info(
    "engine: the one-insert mutation messages:send through the official clients (http = ConvexHttpClient, ws = ConvexClient), run in a child process; concurrent commits share one fsync (group commit).",
  );
  for (const syncMode of syncModes) {
    console.info(`--sync ${syncMode}`);
    const raw = rawSqlite(join(dir, `raw-${syncMode}`), syncMode);
    console.info(`  raw SQLite one-row transactions: ${raw.toFixed(0)} tx/s`);
    const row: Row = { mode: syncMode, raw, cells: new Map() };
    rows.push(row);
    const backend = new Backend({ dataDir: join(dir, `data-${syncMode}`), syncMode });
    await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
    const server = await startServer({
      backend,
      port,
      sitePort: port === 0 ? 0 : port + 1,
      instanceSecret: null,
    });
    if (warmupSeconds > 0)
      for (const kind of kinds)
        await runLoad<CommitsResult>({
          task: "commits",
          url: server.url,
          kind,
          clients: Math.max(...clientCounts),
          seconds: warmupSeconds,
        });
    for (const kind of kinds) {
      for (const clients of clientCounts) {
        const loop = performance.eventLoopUtilization();
        const cpu = process.cpuUsage();
        stageTimes.reset();
        const profile =
          profileDir === undefined
            ? null
            : join(profileDir, `${syncMode}-${kind}-${clients}.cpuprofile`);
        const { latencies, elapsedMs, clientCpuUs } = await profiled(profile, () =>
          runLoad<CommitsResult>({ task: "commits", url: server.url, kind, clients, seconds }),
        );
        // Each client's warm-up call commits too; the clients' own CPU is another process's.
        const commits = latencies.length + clients;
        const used = process.cpuUsage(cpu);
        const cpuUs = (used.user + used.system) / commits;
        const busyUs = (performance.eventLoopUtilization(loop).active * 1000) / commits;
        const rate = latencies.length / (elapsedMs / 1000);
        const { p50, p99 } = summarize(latencies);
        row.cells.set(`${kind} ${clients}`, { rate, p99 });
        console.info(
          `  ${kind} x${clients}: ${rate.toFixed(0)} commits/s (${((rate / raw) * 100).toFixed(0)}% of raw), latency p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms (n=${latencies.length}), server CPU ${cpuUs.toFixed(0)} µs/commit, event loop busy ${busyUs.toFixed(0)} µs/commit, clients' CPU ${(clientCpuUs / latencies.length).toFixed(0)} µs/commit (${(clientCpuUs / 10 / elapsedMs).toFixed(0)}% of a core)`,
        );
        if (stageTimes.enabled) {
          const stages = stageTimes.read();
          const perCommit = STAGES.map((s) => (stages[s] * 1000) / commits);
          const other = busyUs - perCommit.reduce((a, b) => a + b, 0);
          stageRows.push(
            `| ${syncMode} | ${kind} ${clients} | ${perCommit.map((us) => us.toFixed(0)).join(" | ")} | ${other.toFixed(0)} | ${busyUs.toFixed(0)} | ${cpuUs.toFixed(0)} |`,
          );
        }
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
  if (stageRows.length > 0) {
    console.info(
      "\nServer µs per commit: event-loop time per stage (a stage's own time, inner stages not counted), the rest of the busy event loop (HTTP/WebSocket handling, scheduling, GC), and the process's CPU time (threads included):",
    );
    console.info(`| --sync | clients | ${STAGES.join(" | ")} | other | event loop | CPU |`);
    console.info(`| --- | --- | ${STAGES.map(() => "---").join(" | ")} | --- | --- | --- |`);
    for (const line of stageRows) console.info(line);
  }
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
