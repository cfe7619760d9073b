// Splits each commit→update latency of the bench's reactivity phase into its parts and prints
// them, with the GC pauses that fell in it, for all updates and for the slowest ones.
import type { TransitionMark } from "../src/diagnostics/transition-trace.ts";
import type { Pause } from "./load.ts";

type Update = { committedAt: number; arrivedAt: number; receivedAt: number };

const PARTS = ["schedule", "re-run", "encode+write", "wire", "client"] as const;
const LEGEND =
  "schedule = fsync's listener → the session starts its Transition; re-run = the invalidated queries run; encode+write = JSON and socket.send; wire = until the subscriber's socket fires; client = the ConvexClient decodes and calls onUpdate";

type Breakdown = {
  total: number;
  parts: number[];
  rerun: number;
  serverGc: number;
  clientGc: number;
};

function after(marks: TransitionMark[], phase: string, at: number): TransitionMark | undefined {
  return marks.find((m) => m.phase === phase && m.at >= at);
}

function gcWithin(pauses: Pause[], from: number, to: number): number {
  let ms = 0;
  for (const p of pauses) ms += Math.max(0, Math.min(to, p.at + p.ms) - Math.max(from, p.at));
  return ms;
}

function breakdown(u: Update, marks: TransitionMark[], server: Pause[], client: Pause[]) {
  const refreshing = after(marks, "refreshing", u.committedAt);
  const rerun = refreshing && after(marks, "rerun", refreshing.at);
  const sent = rerun && after(marks, "sent", rerun.at);
  if (!sent) return null;
  const points = [u.committedAt, refreshing.at, rerun.at, sent.at, u.arrivedAt, u.receivedAt];
  return {
    total: u.receivedAt - u.committedAt,
    parts: PARTS.map((_, i) => points[i + 1]! - points[i]!),
    rerun: refreshing.queries,
    serverGc: gcWithin(server, u.committedAt, u.receivedAt),
    clientGc: gcWithin(client, u.committedAt, u.receivedAt),
  } satisfies Breakdown;
}

function at(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function row(b: Breakdown): string {
  return `| ${b.total.toFixed(2)} | ${b.parts.map((ms) => ms.toFixed(2)).join(" | ")} | ${b.rerun} | ${b.serverGc.toFixed(2)} | ${b.clientGc.toFixed(2)} |`;
}

export function printUpdateBreakdown(
  updates: Update[],
  marks: TransitionMark[],
  serverGc: Pause[],
  clientGc: Pause[],
): void {
  const all = updates
    .map((u) => breakdown(u, marks, serverGc, clientGc))
    .filter((b): b is Breakdown => b !== null);
  if (all.length === 0) return;
  console.info(
    `\ncommit→update in parts, ms (${LEGEND}); GC = pause time inside the update's span:`,
  );
  console.info(`| | total | ${PARTS.join(" | ")} | queries re-run | server GC | subscriber GC |`);
  console.info(`| --- | --- | ${PARTS.map(() => "---").join(" | ")} | --- | --- | --- |`);
  for (const p of [50, 99]) {
    const column = (pick: (b: Breakdown) => number) =>
      at(
        all.map(pick).sort((a, b) => a - b),
        p,
      ).toFixed(2);
    console.info(
      `| p${p} of each | ${column((b) => b.total)} | ${PARTS.map((_, i) => column((b) => b.parts[i]!)).join(" | ")} | ${column((b) => b.rerun)} | ${column((b) => b.serverGc)} | ${column((b) => b.clientGc)} |`,
    );
  }
  const slowest = [...all]
    .sort((a, b) => b.total - a.total)
    .slice(0, Math.max(3, all.length / 100));
  for (const b of slowest) console.info(`| slowest${row(b)}`);
}
