// Imports a generated 100,000-row contacts CSV into convex-local through the dashboard's own
// functions (upload URL, prepare, start, then the live job document) and prints the time, rows/s,
// the counts, and the latency of the dashboard's contacts list queried while the import runs.
// Usage: pnpm bench:contacts-import [rows]
//   BENCH_URL + BENCH_ADMIN_KEY: use a running backend instead of starting one.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";

import { generateContactsCsv } from "./generate-csv.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const backendDir = join(here, "../..");
const ROWS = Number(process.argv[2] ?? 100_000);
const EXISTING = Math.min(2_000, Math.floor(ROWS / 10));
const PORT = Number(process.env.BENCH_PORT ?? 4720);
const ORG = `org_bench_${Date.now()}`;
const api = anyApi;

async function startBackend() {
  const dataDir = mkdtempSync(join(tmpdir(), "echo-bench-import-"));
  const child = spawn(
    process.execPath,
    [
      // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the backend during the run.
      ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
      join(backendDir, "../convex-local/bin/convex-local.js"),
      "--functions",
      join(backendDir, "convex"),
      "--port",
      String(PORT),
      "--site-port",
      String(PORT + 1),
      "--data",
      dataDir,
      // As the other benches run it: commits survive a killed process, not a power loss.
      "--sync",
      "normal",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const adminKey = await new Promise((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (chunk) => {
      seen += chunk;
      const match = seen.match(/Admin key:\s+(\S+)/);
      if (match) resolve(match[1]);
    });
    child.on("exit", (code) => reject(new Error(`convex-local exited (${code})`)));
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return {
    url: `http://127.0.0.1:${PORT}`,
    adminKey,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: async () => {
      child.kill("SIGTERM");
      // A profile is written as the process exits.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => {
      child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU time (user + system) a process has used, from /proc: on a shared machine a steadier figure than wall time. */
function processCpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Retries a call whose connection was reset (a kept-alive socket the server had just closed). */
async function retrying(call) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 5 || !socketError(error)) throw error;
      socketErrors.push(error.cause.code);
    }
  }
}
const socketErrors = [];
const socketError = (error) =>
  /^(ECONNRESET|EPIPE|ECONNREFUSED|UND_ERR_)/.test(error.cause?.code ?? "");

function adminClient(url, adminKey) {
  const client = new ConvexHttpClient(url);
  client.setAdminAuth(adminKey, {
    subject: "user_bench_admin",
    issuer: "https://bench.invalid",
    name: "Bench Admin",
    org_id: ORG,
    org_role: "admin",
  });
  return client;
}

async function enrol(client) {
  const event = (type, data) =>
    client.mutation(api.system.webhooks.applyEvent.applyEvent, {
      provider: "identity",
      eventId: `${ORG}:${type}`,
      type,
      data: JSON.stringify(data),
    });
  await event("organization.created", { id: ORG, name: "Bench", slug: ORG });
  await event("organizationMembership.created", {
    organization: { id: ORG },
    role: "org:admin",
    public_user_data: { user_id: "user_bench_admin", first_name: "Bench" },
  });
  await client.mutation(api.private.contactFields.define, {
    key: "seats",
    label: "Seats",
    type: "number",
  });
}

const MAPPING = {
  name: "name",
  email: "emails",
  phone: "phones",
  company: "company",
  stage: "stage",
  tags: "tags",
  seats: "custom:seats",
};

async function runImport(client, url, csv, mode, onTick) {
  const uploadUrl = await client.mutation(api.private.contactImport.generateUploadUrl, {});
  const response = await fetch(uploadUrl, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: csv,
  });
  const { storageId } = await response.json();
  const jobId = await client.action(api.private.contactImport.prepare, {
    storageId,
    fileName: "bench.csv",
  });
  const started = performance.now();
  const cpuBefore = backend.cpuSeconds?.() ?? NaN;
  await client.mutation(api.private.contactImport.start, { jobId, mapping: MAPPING, mode });
  let reported = started;
  for (;;) {
    const job = await retrying(() => client.query(api.private.contactImport.get, { jobId }));
    const seconds = (performance.now() - started) / 1000;
    if (job.status === "done" || job.status === "failed")
      return { job, seconds, cpu: (backend.cpuSeconds?.() ?? NaN) - cpuBefore };
    if (performance.now() - reported > 30_000) {
      reported = performance.now();
      console.info(
        `  … ${job.status} ${job.processedRows}/${job.totalRows} rows after ${seconds.toFixed(0)} s`,
      );
    }
    await onTick?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The dashboard's contacts list, first page, timed. */
async function listLatency(client) {
  const start = performance.now();
  try {
    await client.query(api.private.contacts.list, {
      paginationOpts: { numItems: 50, cursor: null },
    });
  } catch (error) {
    if (socketError(error)) socketErrors.push(error.cause.code);
    else failures.push(error.message);
  }
  return performance.now() - start;
}
const failures = [];

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return (
    `median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, ` +
    `p99 ${at(0.99).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms (${values.length} queries)`
  );
};

const load = () => loadavg()[0].toFixed(1);

const print = (label, { job, seconds, cpu }) =>
  console.info(
    `${label}: ${job.status}${job.error ? ` (${job.error})` : ""} in ${seconds.toFixed(1)} s, ` +
      `${Math.round(job.totalRows / seconds)} rows/s (load ${load()} on ${availableParallelism()} cores` +
      (Number.isFinite(cpu)
        ? `; backend CPU ${cpu.toFixed(1)} s, ${Math.round(job.totalRows / cpu)} rows per CPU second) — `
        : ") — ") +
      `${job.totalRows} rows: imported ${job.imported}, updated ${job.updated}, ` +
      `skipped ${job.skipped}, rejected ${job.rejected}`,
  );

const backend = process.env.BENCH_URL
  ? { url: process.env.BENCH_URL, adminKey: process.env.BENCH_ADMIN_KEY, stop: () => {} }
  : await startBackend();
process.on("SIGINT", () => process.exit(130));
process.on("exit", () => backend.kill?.());
try {
  const client = adminClient(backend.url, backend.adminKey);
  const dashboard = adminClient(backend.url, backend.adminKey);
  await enrol(client);
  const seed = generateContactsCsv({ rows: EXISTING, invalidEvery: 1e9, duplicateEvery: 1e9 });
  print(`seed (${EXISTING} existing contacts)`, await runImport(client, backend.url, seed, "skip"));

  const idle = [];
  for (let n = 0; n < 20; n++) idle.push(await listLatency(dashboard));
  const csv = generateContactsCsv({ rows: ROWS, existing: EXISTING });
  console.info(`CSV: ${ROWS} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
  const busy = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      busy.push(await listLatency(dashboard));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  const first = await runImport(client, backend.url, csv, "update");
  probing = false;
  await probe;
  print("import (update mode)", first);
  console.info(`contacts list while idle:      ${stats(idle)}`);
  console.info(`contacts list during import:   ${stats(busy)}`);
  console.info(
    `socket errors (reset or refused connections, list and progress polls): ${socketErrors.length}` +
      (socketErrors.length ? ` (${[...new Set(socketErrors)].join(", ")})` : ""),
  );
  if (failures.length) console.info(`contacts list failures: ${failures.join(", ")}`);
  print("same file again (update mode)", await runImport(client, backend.url, csv, "update"));
} finally {
  await backend.stop();
}
