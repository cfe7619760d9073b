/**
 * The answer-quality bench: every case is asked by a new visitor through the widget's public
 * functions (contact session, conversation, messages.send/list) on convex-test, in retrieval mode
 * or, with a model configured, model mode, and the figures are printed. It asserts nothing about
 * time; see README.md.
 */
import { afterAll, beforeAll, test, vi } from "vitest";

import { api } from "../../convex/_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  settle,
  startConversation,
  type TestConvex,
  uploadFile,
} from "../../convex/test.harness";
import { benchAssistant, type BenchAssistant } from "./assistant";
import { CASES, type BenchCase } from "./cases";
import { distractorMarkdown } from "./distractors";
import { judge, type Verdict } from "./judge";
import { ORGANIZATIONS, sourceText } from "./knowledge";
import { percentile } from "./percentile";

const DISTRACTOR_LEVELS = (process.env.BENCH_DISTRACTORS ?? "0,1000")
  .split(",")
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isFinite(n) && n >= 0);
const VERBOSE = process.env.BENCH_VERBOSE === "1";

type Outcome = { c: BenchCase; verdict: Verdict; reply: string; ms: number };
const report: string[] = [];
let assistant: BenchAssistant;

beforeAll(async () => {
  assistant = await benchAssistant();
});

async function upload(t: TestConvex, orgId: string, name: string, body: Blob) {
  const admin = operator(t, orgId, "admin");
  const storageId = await uploadFile(t, admin, body);
  await admin.mutation(api.private.knowledgeFiles.add, { storageId, name });
}

async function setUp(distractors: number): Promise<TestConvex> {
  const t = newTest();
  for (const organization of ORGANIZATIONS) {
    await createOrganization(t, organization.id, organization.name);
    await t.run(async (ctx) => {
      const { DEFAULT_WIDGET_SETTINGS } = await import("../../convex/lib/widgetSettings");
      await ctx.db.insert("widgetSettings", {
        organizationId: organization.id,
        ...DEFAULT_WIDGET_SETTINGS,
        defaultLanguage: organization.widgetLanguage,
      });
    });
    for (const file of organization.files)
      await upload(t, organization.id, file.name, await file.body());
    if (distractors > 0)
      await upload(
        t,
        organization.id,
        "extra-articles.md",
        new Blob([distractorMarkdown(distractors)]),
      );
  }
  await settle(t);
  return t;
}

async function ask(t: TestConvex, c: BenchCase): Promise<Outcome> {
  const ids = await startConversation(t, c.org);
  const started = process.hrtime.bigint();
  await t.mutation(api.public.messages.send, { ...ids, text: c.question });
  await settle(t);
  const messages = await messagesOf(t, ids);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const reply = messages.at(-1)?.author === "agent" ? messages.at(-1)!.text : "";
  const { status } = await t.query(api.public.conversations.get, ids);
  const organization = ORGANIZATIONS.find((o) => o.id === c.org)!;
  return { c, verdict: judge(c, reply, status, sourceText(organization)), reply, ms };
}

function summarize(distractors: number, outcomes: Outcome[]) {
  const pct = (part: Outcome[]) =>
    `${part.filter((o) => o.verdict.right).length}/${part.length} (${((100 * part.filter((o) => o.verdict.right).length) / Math.max(1, part.length)).toFixed(1)}%)`;
  const lines = [`\n== ${assistant.label}, ${distractors} distractor chunks per organization ==`];
  lines.push(`right: ${pct(outcomes)}`);
  const categories = [...new Set(outcomes.map((o) => o.c.category))];
  for (const category of categories) {
    for (const language of ["en", "pt-BR"] as const) {
      const part = outcomes.filter((o) => o.c.category === category && o.c.language === language);
      if (part.length) lines.push(`  ${category.padEnd(13)} ${language.padEnd(6)} ${pct(part)}`);
    }
  }
  lines.push(`invented facts: ${outcomes.reduce((n, o) => n + o.verdict.invented.length, 0)}`);
  lines.push(`wrong-language replies: ${outcomes.filter((o) => o.verdict.wrongLanguage).length}`);
  if (assistant.served)
    lines.push(`chat completions the stand-in served so far: ${assistant.served()}`);
  const ms = outcomes.map((o) => o.ms);
  lines.push(
    `latency send → answer visible (convex-test, in process): p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms`,
  );
  for (const o of outcomes.filter((o) => !o.verdict.right || VERBOSE)) {
    lines.push(
      `  ${o.verdict.right ? "ok  " : "FAIL"} [${o.c.category}/${o.c.language}] ${o.c.question}${o.verdict.why ? ` — ${o.verdict.why}` : ""}\n       → ${o.reply.replace(/\n+/g, " ⏎ ").slice(0, 300)}`,
    );
  }
  report.push(...lines);
}

for (const distractors of DISTRACTOR_LEVELS) {
  test(`answers with ${distractors} distractor chunks`, { timeout: 3_600_000 }, async () => {
    // Only the scheduler's clock is faked: a model's HTTP client needs real sockets and timers.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      const t = await setUp(distractors);
      const outcomes: Outcome[] = [];
      for (const c of CASES) outcomes.push(await ask(t, c));
      summarize(distractors, outcomes);
    } finally {
      vi.useRealTimers();
    }
  });
}

afterAll(async () => {
  console.info(`${report.join("\n")}\n`);
  await assistant?.close();
});
