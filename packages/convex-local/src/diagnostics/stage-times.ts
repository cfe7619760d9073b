import { performance } from "node:perf_hooks";

/** Where a function call's server time goes, in the order a one-insert mutation passes them. */
export const STAGES = [
  "decode",
  "validation",
  "run",
  "reads",
  "writes",
  "index",
  "commit",
  "encode",
  "send",
] as const;
export type Stage = (typeof STAGES)[number];

const totals = new Float64Array(STAGES.length);
/** Time already given to a stage: a stage that ends later is charged only what was not. */
let claimed = 0;
const slot = Object.fromEntries(STAGES.map((stage, i) => [stage, i])) as Record<Stage, number>;

/**
 * Per-stage wall-clock totals on the event loop, off unless a bench turns them on: when off, each
 * probe is one property read and a branch. Spans are synchronous; a span that contains another
 * stage's span is charged only its own time.
 */
export const stageTimes = {
  enabled: false,
  /** A start mark for `stageEnd` (0 when off, so no clock is read). */
  start(): number {
    return this.enabled ? performance.now() - claimed : 0;
  },
  end(stage: Stage, mark: number): void {
    if (this.enabled) this.add(stage, performance.now() - claimed - mark);
  },
  add(stage: Stage, ms: number): void {
    if (!this.enabled) return;
    const i = slot[stage];
    totals[i] = totals[i]! + ms;
    claimed += ms;
  },
  reset(): void {
    totals.fill(0);
  },
  /** Milliseconds per stage since the last reset. */
  read(): Record<Stage, number> {
    return Object.fromEntries(STAGES.map((stage, i) => [stage, totals[i]!])) as Record<
      Stage,
      number
    >;
  },
};
