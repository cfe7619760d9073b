import { performance } from "node:perf_hooks";

/** The moments of a sync session's Transition after a commit invalidated one of its queries. */
export const TRANSITION_PHASES = ["invalidated", "refreshing", "rerun", "sent"] as const;
export type TransitionPhase = (typeof TRANSITION_PHASES)[number];

export type TransitionMark = { phase: TransitionPhase; at: number; queries: number };

const marks: TransitionMark[] = [];

/**
 * A timeline of Transition phases (monotonic ms, `performance.now()`), off unless a bench turns it
 * on: when off, each probe is one property read and a branch. `queries`: how many queries the
 * phase concerned (the dirty ones for "refreshing", the changed ones for "rerun").
 */
export const transitionTrace = {
  enabled: false,
  mark(phase: TransitionPhase, queries = 0): void {
    if (this.enabled) marks.push({ phase, at: performance.now(), queries });
  },
  /** The marks since the last call, oldest first. */
  drain(): TransitionMark[] {
    return marks.splice(0, marks.length);
  },
};
