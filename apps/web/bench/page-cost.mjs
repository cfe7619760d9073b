// What one page load and one idle stretch cost Chromium, per screen: the CPU-seconds of every
// Chromium process (from /proc, by process type), the JavaScript the page loaded, and, with
// --profile, where the page's main thread spent its time (a CPU profile by script, and a trace's
// script compile, style, layout, paint and GC). Runs headless Chromium against a running
// local-mode stack (`pnpm start` at the root, or any stack: pass its URLs).
// Usage: node bench/page-cost.mjs [--profile] [--idle SECONDS] [--runs N] [--only inbox,widget]
//   ECHO_DASHBOARD_URL (http://localhost:3000), ECHO_DEMO_URL (http://localhost:3002),
//   ECHO_DEMO_EMAIL / ECHO_DEMO_PASSWORD (the demo operator `pnpm start` prints).
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { CHROMIUM_FLAGS } from "../e2e/harness/chromium-flags.ts";

const { values: options } = parseArgs({
  options: {
    profile: { type: "boolean", default: false },
    idle: { type: "string", default: "20" },
    runs: { type: "string", default: "2" },
    only: { type: "string" },
  },
});
const IDLE_SECONDS = Number(options.idle);
const RUNS = Number(options.runs);
// After the page's own ready mark, what a test would go on to do: a page rarely stops at once.
const SETTLE_MS = 2_000;

const dashboard = process.env.ECHO_DASHBOARD_URL ?? "http://localhost:3000";
const demo = process.env.ECHO_DEMO_URL ?? "http://localhost:3002";
const login = {
  email: process.env.ECHO_DEMO_EMAIL ?? "demo@echo.local",
  password: process.env.ECHO_DEMO_PASSWORD ?? "demo-password",
};

const TICKS_PER_SECOND = 100;
const PAGE_SIZE = 4096;

/** CPU-seconds and resident memory of every process under this one, by Chromium process type. */
function chromiumCpu() {
  const parents = new Map();
  const stats = new Map();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(pid, fields[1]);
      // Chromium's child processes rewrite their title: one string, arguments separated by spaces.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split(/[\0 ]/);
      const type = cmdline.find((arg) => arg.startsWith("--type="))?.slice(7) ?? "browser";
      const utility = cmdline.find((arg) => arg.startsWith("--utility-sub-type="));
      stats.set(pid, {
        kind: utility ? utility.split("=")[1].split(".").at(-2) : type,
        cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
        rss: (Number(fields[21]) * PAGE_SIZE) / 2 ** 20,
      });
    } catch {
      // the process ended while the list was read
    }
  }
  const mine = (pid) => {
    for (let at = parents.get(pid); at; at = parents.get(at))
      if (at === String(process.pid)) return true;
    return false;
  };
  const byPid = new Map();
  for (const [pid, stat] of stats) if (mine(pid)) byPid.set(pid, stat);
  return byPid;
}

/** CPU-seconds spent between two snapshots, by process kind (processes that ended are lost). */
function spent(before, after) {
  const byKind = {};
  let total = 0;
  for (const [pid, stat] of after) {
    const delta = stat.cpu - (before.get(pid)?.cpu ?? 0);
    byKind[stat.kind] = (byKind[stat.kind] ?? 0) + delta;
    total += delta;
  }
  return { total, byKind };
}

const format = ({ total, byKind }) =>
  `${total.toFixed(2)} CPU-s (${Object.entries(byKind)
    .filter(([, seconds]) => seconds >= 0.01)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, seconds]) => `${kind} ${seconds.toFixed(2)}`)
    .join(", ")})`;

/** Script bytes the page and its frames loaded (decoded, as V8 parses them). */
async function scriptBytes(page) {
  let total = 0;
  const chunks = [];
  for (const frame of page.frames()) {
    const entries = await frame
      .evaluate(() =>
        performance
          .getEntriesByType("resource")
          .filter((entry) => entry.initiatorType === "script" || entry.name.endsWith(".js"))
          .map((entry) => ({ name: entry.name, bytes: entry.decodedBodySize })),
      )
      .catch(() => []);
    for (const entry of entries) {
      total += entry.bytes;
      chunks.push(entry);
    }
  }
  return { total, chunks: chunks.sort((a, b) => b.bytes - a.bytes) };
}

const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "v8",
  "v8.execute",
  "blink",
  "loading",
].join(",");

// Main-thread work by kind; nested events of one name are counted once (the outermost).
const TRACE_KINDS = {
  "script compile": ["v8.compile", "v8.compileModule", "V8.CompileCode", "v8.parseOnBackground"],
  "script evaluate": ["EvaluateScript", "v8.evaluateModule"],
  "function calls (events, timers, hydration)": ["FunctionCall", "RunMicrotasks"],
  "style recalc": ["UpdateLayoutTree", "RecalculateStyles"],
  "stylesheet parse": ["ParseAuthorStyleSheet"],
  layout: ["Layout"],
  "pre-paint/paint": ["PrePaint", "Paint", "Layerize", "UpdateLayer"],
  "HTML parse": ["ParseHTML"],
  GC: ["MinorGC", "MajorGC", "V8.GCScavenger", "V8.GCFinalizeMC", "BlinkGC.AtomicPhase"],
  "font load/shape": ["FontCache::GetFontPlatformData", "ShapeText", "ShapeResult"],
  "decode image": ["Decode Image", "ImageDecodeTask"],
};

function summarizeTrace(events) {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === "M" && event.name === "thread_name")
      .filter((event) => event.args?.name === "CrRendererMain")
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter(
    (event) => event.ph === "X" && mainThreads.has(`${event.pid}:${event.tid}`),
  );
  const busy = onMain
    .filter((event) => event.name === "ThreadControllerImpl::RunTask" || event.name === "RunTask")
    .reduce((sum, event) => sum + (event.dur ?? 0), 0);
  const rows = [];
  for (const [kind, names] of Object.entries(TRACE_KINDS)) {
    const matching = onMain
      .filter((event) => names.includes(event.name))
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    let end = -1;
    let total = 0;
    for (const event of matching) {
      if (event.ts >= end) {
        total += event.dur ?? 0;
        end = event.ts + (event.dur ?? 0);
      }
    }
    rows.push([kind, total / 1000]);
  }
  return { busyMs: busy / 1000, rows };
}

/** Self time of a CPU profile by script URL (chunk), plus the top functions. */
function summarizeProfile(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const byScript = new Map();
  const byFunction = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const script = callFrame.url
      ? callFrame.url.replace(/^https?:\/\/[^/]+/, "").replace(/\?.*$/, "")
      : callFrame.functionName || "(native)";
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    const name = `${callFrame.functionName || "(anonymous)"} ${script}:${callFrame.lineNumber}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const top = (map, count) =>
    [...map]
      .sort(([, a], [, b]) => b - a)
      .slice(0, count)
      .map(([name, us]) => `      ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  return [
    "    JS profile, self time by script:",
    ...top(byScript, 12),
    "    top functions:",
    ...top(byFunction, 12),
  ];
}

/** Runs `load` in a fresh context, then idles; prints CPU-s of both and, with --profile, why. */
async function measure(browser, name, { cookies, load }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: "reduce",
  });
  if (cookies) await context.addCookies(cookies);
  const page = await context.newPage();
  // The empty tab's renderer starts before the load is counted.
  await page.goto("about:blank");
  const session = options.profile ? await context.newCDPSession(page) : null;
  if (session) {
    await session.send("Profiler.enable");
    await session.send("Profiler.setSamplingInterval", { interval: 250 });
    await session.send("Profiler.start");
    await browser.startTracing(page, { categories: TRACE_CATEGORIES.split(",") });
  }
  const atStart = chromiumCpu();
  await load(page);
  await page.waitForTimeout(SETTLE_MS);
  const loaded = chromiumCpu();
  const lines = [`${name}: load ${format(spent(atStart, loaded))}`];
  if (session) {
    const trace = JSON.parse((await browser.stopTracing()).toString("utf8"));
    const { profile } = await session.send("Profiler.stop");
    const { busyMs, rows } = summarizeTrace(trace.traceEvents ?? trace);
    lines.push(`    renderer main threads busy ${busyMs.toFixed(0)} ms; of it:`);
    for (const [kind, ms] of rows)
      if (ms >= 1) lines.push(`      ${ms.toFixed(0).padStart(6)} ms  ${kind}`);
    lines.push(...summarizeProfile(profile));
  }
  const bytes = await scriptBytes(page);
  lines.push(
    `    script: ${(bytes.total / 1024).toFixed(0)} KB in ${bytes.chunks.length} files; largest: ${bytes.chunks
      .slice(0, 5)
      .map((chunk) => `${chunk.name.split("/").at(-1)} ${(chunk.bytes / 1024).toFixed(0)} KB`)
      .join(", ")}`,
  );
  if (IDLE_SECONDS > 0) {
    const idleStart = chromiumCpu();
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const idle = spent(idleStart, chromiumCpu());
    const perMinute = {
      total: (idle.total * 60) / IDLE_SECONDS,
      byKind: Object.fromEntries(
        Object.entries(idle.byKind).map(([kind, s]) => [kind, (s * 60) / IDLE_SECONDS]),
      ),
    };
    lines.push(`    idle (${IDLE_SECONDS} s, per minute): ${format(perMinute)}`);
  }
  await context.close();
  console.info(lines.join("\n"));
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell",
  headless: true,
  // The e2e suite's switches, so the figures are the suite's.
  args: CHROMIUM_FLAGS,
});

/** A visitor's conversation, escalated to the inbox, started through the widget on the demo page. */
async function startConversation() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(demo);
  await page.getByRole("button", { name: /Support chat/ }).click();
  const widget = page.frameLocator("#echo-widget-frame");
  await widget.getByLabel("Name").fill("Bench Visitor");
  await widget.getByLabel("Email").fill("bench@visitor.example");
  await widget.getByRole("button", { name: "Continue" }).click();
  await widget.getByRole("button", { name: "Start chat" }).click();
  const message = widget.getByRole("textbox", { name: "Message", exact: true });
  for (const text of ["How do I reset my password?", "I would like to talk to a person, please."]) {
    await message.fill(text);
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(text).waitFor();
  }
  await context.close();
}

async function signIn() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${dashboard}/en/sign-in`);
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${dashboard}/en/conversations`);
  const link = page.locator('a[href*="/en/conversations/"]').first();
  const listed = await link.waitFor({ timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (!listed) await startConversation();
  await page.locator('a[href*="/en/conversations/"]').first().waitFor();
  const conversation = await page
    .locator('a[href*="/en/conversations/"]')
    .first()
    .getAttribute("href");
  const cookies = await context.cookies(dashboard);
  await context.close();
  return { cookies, conversation: new URL(conversation, dashboard).href };
}

const { cookies, conversation } = await signIn();
const screens = {
  inbox: {
    cookies,
    load: async (page) => {
      await page.goto(`${dashboard}/en/conversations`);
      await page.locator('a[href*="/en/conversations/"]').first().waitFor();
    },
  },
  conversation: {
    cookies,
    load: async (page) => {
      await page.goto(conversation);
      await page.getByRole("textbox").first().waitFor();
    },
  },
  contacts: {
    cookies,
    load: async (page) => {
      await page.goto(`${dashboard}/en/contacts`);
      await page.locator('a[href*="/en/contacts/"]').first().waitFor();
    },
  },
  settings: {
    cookies,
    load: async (page) => {
      await page.goto(`${dashboard}/en/settings/profile`);
      await page.getByRole("main").waitFor();
    },
  },
  widget: {
    load: async (page) => {
      await page.goto(demo);
      await page.getByRole("button", { name: /Support chat/ }).click();
      await page.frameLocator("#echo-widget-frame").getByLabel("Name").waitFor();
    },
  },
  "sign-in": {
    load: async (page) => {
      await page.goto(`${dashboard}/en/sign-in`);
      await page.getByLabel("Email").waitFor();
    },
  },
};

const only = options.only?.split(",");
try {
  for (let run = 1; run <= RUNS; run++) {
    console.info(
      `run ${run}, load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`,
    );
    for (const [name, screen] of Object.entries(screens)) {
      if (!only || only.includes(name)) await measure(browser, name, screen);
    }
  }
} finally {
  await browser.close();
}
