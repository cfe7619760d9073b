// Prints what one scheduled job and one mutation cost on a fresh deployment and on deployments
// with a long history, side by side; the history must not make either slower.
// Usage: node bench/history.ts [--finished 100000] [--documents 1000000] [--jobs 100]
//                              [--mutations 300] [--rounds 4] [--sync normal]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type SyncMode } from "../src/storage/sqlite.ts";
import { Backend } from "../src/runtime/backend.ts";
import { insertSystem } from "../src/runtime/syscalls/db-syscalls.ts";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { type HistoryResult, runLoad } from "./load.ts";

const { values } = parseArgs({
  options: {
    finished: { type: "string", default: "100000" },
    documents: { type: "string", default: "1000000" },
    jobs: { type: "string", default: "100" },
    mutations: { type: "string", default: "300" },
    rounds: { type: "string", default: "4" },
    sync: { type: "string", default: "normal" },
  },
});
const finished = Number(values.finished);
const documents = Number(values.documents);
const rounds = Number(values.rounds);
const syncMode = values.sync as SyncMode;
if (syncMode !== "full" && syncMode !== "normal")
  throw new Error(`--sync: unknown mode "${values.sync}"`);

/** Rows written per seeding transaction, under the 16,000 a transaction may write. */
const SEED_BATCH = 8000;

async function seed(
  backend: Backend,
  count: number,
  table: string,
  row: (i: number) => Record<string, never>,
) {
  for (let start = 0; start < count; start += SEED_BATCH) {
    const end = Math.min(count, start + SEED_BATCH);
    await backend.executor.systemMutation("", (frame) => {
      for (let i = start; i < end; i++) insertSystem(frame, table, row(i));
      return null;
    });
  }
}

type Deployment = { label: string; backend: Backend; server: RunningServer; result: HistoryResult };

const dir = mkdtempSync(join(tmpdir(), "convex-local-history-"));

async function deployment(
  label: string,
  finishedJobs: number,
  storedDocuments: number,
): Promise<Deployment> {
  const backend = new Backend({ dataDir: join(dir, label.replace(/\W+/g, "-")), syncMode });
  await backend.deploy(join(import.meta.dirname, "..", "test", "fixtures", "basic", "convex"));
  const t0 = performance.now();
  const completedTime = Date.now();
  await seed(
    backend,
    finishedJobs,
    "_scheduled_functions",
    (i) =>
      ({
        name: "jobs.js:record",
        args: [{ kind: `history-${i}` }],
        scheduledTime: completedTime,
        completedTime,
        state: { kind: "success" },
      }) as never,
  );
  await seed(backend, storedDocuments, "bulk", (i) => ({ i }) as never);
  if (finishedJobs + storedDocuments > 0)
    console.info(`  seeded "${label}" in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const server = await startServer({ backend, port: 0, sitePort: 0, instanceSecret: null });
  return { label, backend, server, result: { jobMs: [], mutationMs: [] } };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function mean(samples: number[]): number {
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

const deployments: Deployment[] = [];
try {
  console.info(
    `history: per job = runAfter(0) from a mutation (ConvexClient) until its subscribed state is "success"; per mutation = one-insert messages:send (ConvexHttpClient); --sync ${syncMode}; rounds alternate between deployments so load on the machine falls on each alike.`,
  );
  deployments.push(await deployment("fresh", 0, 0));
  if (finished > 0) deployments.push(await deployment(`${finished} finished jobs`, finished, 0));
  if (documents > 0)
    deployments.push(
      await deployment(`${finished} finished jobs + ${documents} documents`, finished, documents),
    );
  for (let round = 0; round < rounds; round++) {
    for (const d of deployments) {
      const { jobMs, mutationMs } = await runLoad<HistoryResult>({
        task: "history",
        url: d.server.url,
        jobs: Math.ceil(Number(values.jobs) / rounds),
        mutations: Math.ceil(Number(values.mutations) / rounds),
      });
      d.result.jobMs.push(...jobMs);
      d.result.mutationMs.push(...mutationMs);
    }
  }
  const fresh = deployments[0]!.result;
  console.info("\n| deployment | per job (median / mean) | per mutation (median / mean) |");
  console.info("| --- | --- | --- |");
  for (const d of deployments) {
    const job = median(d.result.jobMs);
    const mutation = median(d.result.mutationMs);
    const vsFresh = (value: number, base: number) =>
      d === deployments[0]
        ? ""
        : ` (${value >= base ? "+" : ""}${(((value - base) / base) * 100).toFixed(0)}%)`;
    console.info(
      `| ${d.label} | ${job.toFixed(2)} ms${vsFresh(job, median(fresh.jobMs))} / ${mean(d.result.jobMs).toFixed(2)} ms | ${mutation.toFixed(2)} ms${vsFresh(mutation, median(fresh.mutationMs))} / ${mean(d.result.mutationMs).toFixed(2)} ms |`,
    );
  }
} finally {
  for (const d of deployments) {
    await d.server.close();
    d.backend.close();
  }
  rmSync(dir, { recursive: true, force: true });
}
