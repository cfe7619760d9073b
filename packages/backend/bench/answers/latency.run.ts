// @vitest-environment node
/**
 * Reply latency on local mode: a convex-local started for the bench serves packages/backend, and
 * visitors ask over WebSocket with the official client (send → the agent's complete answer in
 * their subscribed message list), with 0, 1,000 and 10,000 extra chunks in the organization's
 * knowledge base, then 25 visitors at once. It asserts nothing about time; see README.md.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { type FunctionReference, getFunctionName } from "convex/server";
import { afterAll, beforeAll, test } from "vitest";

import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { benchAssistant, type BenchAssistant } from "./assistant";
import { CASES } from "./cases";
import { distractorMarkdown } from "./distractors";
import { ORGANIZATIONS } from "./knowledge";
import { percentile } from "./percentile";
import { vectorSearchTimes } from "./vectorSearchTimes";

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const ORG = "org_nimbus";
const ADMIN = "user_bench_admin";
const LEVELS = (process.env.BENCH_LEVELS ?? "0,1000,10000").split(",").map(Number);
const VISITORS = 25;
const QUESTIONS_PER_VISITOR = 4;
const NO_REPLY_MS = 60_000;
const QUESTIONS = CASES.filter((c) => c.org === ORG && c.category === "answerable").map(
  (c) => c.question,
);

let server: ChildProcess;
let dataDir: string;
let adminKey: string;
const url = `http://127.0.0.1:${PORT}`;
/** Printed as it is measured: the whole run takes minutes. */
function report(line: string): void {
  console.info(line);
}

/** Calls a function as the deployment's admin (internal functions too), as `npx convex run` does. */
async function asAdmin<T>(
  ref: FunctionReference<"mutation" | "query" | "action", "internal">,
  args: object,
): Promise<T> {
  const response = await fetch(`${url}/api/function`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Convex ${adminKey}` },
    body: JSON.stringify({ path: getFunctionName(ref), args, format: "json" }),
  });
  const payload = (await response.json()) as { status: string; value: T; errorMessage?: string };
  if (payload.status !== "success")
    throw new Error(`${getFunctionName(ref)}: ${payload.errorMessage}`);
  return payload.value;
}

function operatorClient(): ConvexHttpClient {
  const client = new ConvexHttpClient(url, { logger: false });
  client.setAdminAuth(adminKey, {
    subject: ADMIN,
    issuer: "bench",
    org_id: ORG,
    org_role: "org:admin",
  } as never);
  return client;
}

async function startBackend(): Promise<void> {
  dataDir = mkdtempSync(join(tmpdir(), "echo-bench-answers-"));
  // BENCH_CONVEX_LOCAL=<dir>: another convex-local package (an older commit's, for a before/after).
  const bin = join(
    process.env.BENCH_CONVEX_LOCAL ?? join(import.meta.dirname, "../../../convex-local"),
    "bin/convex-local.js",
  );
  // BENCH_CPU_PROF=<dir>: convex-local writes a V8 CPU profile there when the bench stops it.
  const profile = process.env.BENCH_CPU_PROF
    ? ["--cpu-prof", "--cpu-prof-dir", process.env.BENCH_CPU_PROF]
    : [];
  // BENCH_NODE_FLAGS replaces the Node flags convex-local is started with (as `npm start` does).
  const nodeFlags = process.env.BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
  server = spawn(
    process.execPath,
    [
      ...nodeFlags,
      ...profile,
      bin,
      "--port",
      String(PORT),
      "--site-port",
      String(PORT + 1),
      "--data",
      dataDir,
      "--sync",
      "normal",
      "--functions",
      // BENCH_FUNCTIONS=<dir>: another convex/ folder (an older commit's, for a before/after).
      process.env.BENCH_FUNCTIONS ?? join(import.meta.dirname, "../../convex"),
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  adminKey = await new Promise<string>((resolve, reject) => {
    let out = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/Admin key:\s+(\S+)/);
      if (match) resolve(match[1]!);
    });
    server.once("exit", (code) => reject(new Error(`convex-local exited with ${code}: ${out}`)));
  });
}

async function addKnowledge(name: string, body: Blob): Promise<void> {
  const admin = operatorClient();
  const uploadUrl = await admin.mutation(api.private.knowledgeFiles.generateUploadUrl, {});
  const response = await fetch(uploadUrl, { method: "POST", body });
  const { storageId } = (await response.json()) as { storageId: Id<"_storage"> };
  await admin.mutation(api.private.knowledgeFiles.add, { storageId, name });
}

/**
 * Setting up is not what is measured: it waits for ingestion by asking until every file is ready,
 * and asks again when a request fails while the backend is busy ingesting.
 */
async function knowledgeReady(): Promise<void> {
  const admin = operatorClient();
  for (;;) {
    const page = await admin
      .query(api.private.knowledgeFiles.list, { paginationOpts: { numItems: 100, cursor: null } })
      .then((result) => result.page)
      .catch(() => null);
    if (page?.every((file: { status: string }) => file.status !== "processing")) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function setUp(): Promise<void> {
  await asAdmin(internal.system.seed.seed, { organizationId: ORG, name: "Nimbus Notes" });
  await asAdmin(internal.system.webhooks.applyEvent.applyEvent, {
    provider: "identity",
    eventId: "bench-membership",
    type: "organizationMembership.created",
    data: JSON.stringify({
      role: "org:admin",
      organization: { id: ORG },
      public_user_data: { user_id: ADMIN, identifier: "admin@bench.example" },
    }),
  });
  const organization = ORGANIZATIONS.find((o) => o.id === ORG)!;
  for (const file of organization.files) await addKnowledge(file.name, await file.body());
  await knowledgeReady();
}

type Visitor = {
  client: ConvexClient;
  ask: (question: string) => Promise<number>;
  failed: () => number;
};

/**
 * A visitor with an open widget: a session, a conversation and a subscription to its messages, on
 * its own WebSocket unless given one. A session may send 5 messages at once (the rate limit).
 */
async function visitor(n: number, shared?: ConvexClient): Promise<Visitor> {
  const { contactSessionId } = await asAdmin<{ contactSessionId: Id<"contactSessions"> }>(
    internal.system.contactSessions.createWithCountry,
    {
      organizationId: ORG,
      name: `Visitor ${n}`,
      email: `visitor${n}@bench.example`,
      metadata: { userAgent: "bench", languages: ["en"], timezone: "UTC", timezoneOffset: 0 },
    },
  );
  const client = shared ?? new ConvexClient(url, { logger: false });
  const conversationId = await client.mutation(api.public.conversations.create, {
    contactSessionId,
  });
  const { threadId } = await client.query(api.public.conversations.get, {
    contactSessionId,
    conversationId,
  });
  let answers = -1;
  let failed = 0;
  let waiting: (() => void) | null = null;
  let subscribed!: () => void;
  const firstPage = new Promise<void>((resolve) => (subscribed = resolve));
  client.onUpdate(
    api.public.messages.list,
    { contactSessionId, threadId, paginationOpts: { numItems: 50, cursor: null } },
    ({ page }: { page: Array<{ author?: string; status?: string; text?: string }> }) => {
      // A failed reply ends the wait too (and is counted), so one never stalls the run.
      failed = Math.max(
        failed,
        page.filter((m) => m.author === "agent" && m.status === "failed").length,
      );
      const done =
        failed +
        page.filter((m) => m.author === "agent" && m.status === "success" && (m.text ?? "") !== "")
          .length;
      if (done > answers) {
        answers = done;
        waiting?.();
      }
      subscribed();
    },
  );
  // The greeting is the agent's first message: counted before the first question, never as its answer.
  await firstPage;
  const ask = async (question: string): Promise<number> => {
    const before = answers;
    const answered = new Promise<void>((resolve) => {
      waiting = () => {
        if (answers > before) resolve();
      };
      // No reply at all within a minute is counted as failed, so one never stalls the run.
      setTimeout(() => {
        if (answers <= before) {
          failed++;
          resolve();
        }
      }, NO_REPLY_MS);
    });
    const started = performance.now();
    await client.mutation(api.public.messages.send, {
      contactSessionId,
      conversationId,
      text: question,
    });
    await answered;
    return performance.now() - started;
  };
  return { client, ask, failed: () => failed };
}

type Execution = {
  udfType: string;
  identifier: string;
  componentPath: string | null;
  caller: string;
  /** Seconds from start to end (an action's includes the functions it waited on). */
  executionTime: number;
};

/** Function executions the backend finished after `cursor` (its log stream, as `npx convex logs` reads it). */
async function executionsSince(
  cursor: number,
): Promise<{ entries: Execution[]; newCursor: number }> {
  const response = await fetch(`${url}/api/stream_function_logs?cursor=${cursor}`, {
    headers: { authorization: `Convex ${adminKey}` },
  });
  return (await response.json()) as { entries: Execution[]; newCursor: number };
}

/**
 * BENCH_CALLS=1: what one answer costs in function executions (queries re-run for subscribers,
 * mutations, actions, scheduled jobs), counted over a few questions from a fresh visitor.
 */
async function callsPerAnswer(client: ConvexClient): Promise<void> {
  const asked = QUESTIONS.slice(0, QUESTIONS_PER_VISITOR);
  const one = await visitor(9000, client);
  await new Promise((resolve) => setTimeout(resolve, 500));
  let { newCursor: cursor } = await executionsSince(0);
  const counts = new Map<string, number>();
  const seconds = new Map<string, number>();
  for (const question of asked) await one.ask(question);
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (;;) {
    const { entries, newCursor } = await executionsSince(cursor);
    if (entries.length === 0) break;
    cursor = newCursor;
    for (const e of entries) {
      const key = `${e.udfType.padEnd(8)} ${e.caller.padEnd(16)} ${e.componentPath ? `${e.componentPath}/` : ""}${e.identifier}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      seconds.set(key, (seconds.get(key) ?? 0) + e.executionTime);
    }
  }
  report(
    `function executions per answer (mean over ${asked.length} answers), with their mean duration:`,
  );
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    const ms = ((seconds.get(key) ?? 0) * 1000) / n;
    report(`${(n / asked.length).toFixed(1).padStart(6)}  ${key}  ${ms.toFixed(1)} ms`);
  }
  report(`${(total / asked.length).toFixed(1).padStart(6)}  in all`);
}

/** CPU time (user + system) the backend's process has used so far, in ms (Linux only, else 0). */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

/**
 * The machine is shared: each figure carries the load average it was measured under, and the
 * backend's CPU time per answer, which other processes' load hardly changes.
 */
function figures(ms: number[], cpuAtStart: number): string {
  const load = loadavg().map((n) => n.toFixed(1));
  const cpu = (serverCpuMs() - cpuAtStart) / ms.length;
  return `p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, backend CPU ${cpu.toFixed(0)} ms per answer (${ms.length} answers; load average ${load.join(", ")})`;
}

/** Model mode: what `npx convex env set` does for each model setting the bench was given. */
async function applyModelSettings(settings: Record<string, string>): Promise<void> {
  const changes = Object.entries(settings).map(([name, value]) => ({ name, value }));
  if (changes.length === 0) return;
  const response = await fetch(`${url}/api/update_environment_variables`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Convex ${adminKey}` },
    body: JSON.stringify({ changes }),
  });
  if (!response.ok) throw new Error(`setting the model settings failed: HTTP ${response.status}`);
}

let assistant: BenchAssistant;

beforeAll(async () => {
  assistant = await benchAssistant();
  await startBackend();
  await applyModelSettings(assistant.settings);
  await setUp();
}, 3_600_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill();
    await exited;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await assistant?.close();
}, 60_000);

test("reply latency over WebSocket on local mode", { timeout: 3_600_000 }, async () => {
  report(
    `\n== reply latency, local mode (convex-local, official client over WebSocket), ${assistant.label} ==`,
  );
  let chunks = 0;
  for (const level of LEVELS) {
    if (level > chunks) {
      const started = performance.now();
      await addKnowledge(`extra-${level}.md`, new Blob([distractorMarkdown(level - chunks)]));
      await knowledgeReady();
      report(
        `(ingested ${level - chunks} extra chunks in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
      chunks = level;
    }
    const client = new ConvexClient(url, { logger: false });
    // Opens the connection and builds the vector index before the clock runs.
    await (await visitor(0, client)).ask(QUESTIONS[0]!);
    const ms: number[] = [];
    let failures = 0;
    const cpuAtStart = serverCpuMs();
    for (let i = 0; i < QUESTIONS.length; i += QUESTIONS_PER_VISITOR) {
      const one = await visitor(i + 1, client);
      for (const question of QUESTIONS.slice(i, i + QUESTIONS_PER_VISITOR))
        ms.push(await one.ask(question));
      failures += one.failed();
    }
    const measured = figures(ms, cpuAtStart);
    if (process.env.BENCH_CALLS === "1" && level === LEVELS[0]) await callsPerAnswer(client);
    await client.close();
    report(`one visitor, ${level} extra chunks: ${measured}, ${failures} failed replies`);
  }
  const visitors = await Promise.all(Array.from({ length: VISITORS }, (_, n) => visitor(1000 + n)));
  const started = performance.now();
  const cpuAtStart = serverCpuMs();
  const all = await Promise.all(
    visitors.map(async (v, n) => {
      const ms: number[] = [];
      for (let i = 0; i < QUESTIONS_PER_VISITOR; i++)
        ms.push(await v.ask(QUESTIONS[(n + i) % QUESTIONS.length]!));
      return ms;
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const failures = visitors.reduce((n, v) => n + v.failed(), 0);
  await Promise.all(visitors.map((v) => v.client.close()));
  report(
    `${VISITORS} visitors asking ${QUESTIONS_PER_VISITOR} questions at once, ${chunks} extra chunks: ${figures(all.flat(), cpuAtStart)}, ${(all.flat().length / seconds).toFixed(1)} answers/s, ${failures} failed replies`,
  );
  if (assistant.served) report(`chat completions the stand-in served: ${assistant.served()}`);
  const asked = CASES.filter((c) => c.org === ORG).map((c) => c.question);
  for (const line of vectorSearchTimes(join(dataDir, "convex-local.sqlite3"), asked)) report(line);
});
