import type { JSONValue } from "convex/values";
import type { Outcome } from "../runtime/functions/function-runner.ts";
import { transitionTrace } from "../diagnostics/transition-trace.ts";
import { normalizeArgs } from "../server/udf-routes.ts";
import type { QuerySetModification } from "./messages.ts";
import type { SubscriptionIndex } from "./subscription-index.ts";

export type Subscription = {
  udfPath: string;
  args: JSONValue;
  componentPath?: string;
  /** Serialized last result sent, to skip unchanged re-runs. */
  lastSent: string | null;
  journal: string | null;
  /** Called when a commit wrote into a range the query's last run read. */
  invalidate(): void;
};

/** A Transition's change to one query: `QueryUpdated`, `QueryFailed` or `QueryRemoved`. */
export type QueryModification = Record<string, unknown>;

/** Re-running a query repeats until its reads are consistent, at most this many rounds. */
const MAX_ROUNDS = 10;

/**
 * One sync session's subscribed queries: which of them a commit invalidated, re-running those,
 * and the modifications a Transition carries for them.
 */
export class QuerySet {
  private readonly subscriptions: SubscriptionIndex;
  /** Called when a commit invalidates one of the queries. */
  private readonly onInvalidated: () => void;
  private readonly queries = new Map<number, Subscription>();
  /** The queries to re-run before the next Transition: only these are visited per commit. */
  private readonly dirty = new Map<number, Subscription>();
  private closed = false;

  constructor(subscriptions: SubscriptionIndex, onInvalidated: () => void) {
    this.subscriptions = subscriptions;
    this.onInvalidated = onInvalidated;
  }

  get size(): number {
    return this.queries.size;
  }

  get hasDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Applies a ModifyQuerySet's changes; returns the ids of the queries it removed. */
  modify(modifications: QuerySetModification[]): number[] {
    const removed: number[] = [];
    for (const m of modifications) {
      if (m.type === "Add") {
        const replaced = this.queries.get(m.queryId);
        if (replaced) this.subscriptions.delete(replaced);
        const queryId = m.queryId;
        const q: Subscription = {
          udfPath: m.udfPath,
          args: normalizeArgs(m.args),
          componentPath: m.componentPath,
          lastSent: null,
          journal: typeof m.journal === "string" ? m.journal : null,
          invalidate: () => {
            if (this.queries.get(queryId) !== q) return;
            this.dirty.set(queryId, q);
            transitionTrace.mark("invalidated");
            this.onInvalidated();
          },
        };
        this.queries.set(queryId, q);
        this.dirty.set(queryId, q);
      } else {
        const gone = this.queries.get(m.queryId);
        if (gone) this.subscriptions.delete(gone);
        this.queries.delete(m.queryId);
        this.dirty.delete(m.queryId);
        removed.push(m.queryId);
      }
    }
    return removed;
  }

  markAllDirty(): void {
    for (const [queryId, q] of this.queries) this.dirty.set(queryId, q);
  }

  /** Re-runs dirty queries until a consistent round; returns the results that changed. */
  async refresh(run: (q: Subscription) => Promise<Outcome>): Promise<QueryModification[]> {
    const changed = new Map<
      number,
      { modification: QueryModification; fingerprint: string; q: Subscription }
    >();
    transitionTrace.mark("refreshing", this.dirty.size);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (this.dirty.size === 0) break;
      const dirty = [...this.dirty];
      this.dirty.clear();
      await Promise.all(
        dirty.map(async ([queryId, q]) => {
          const outcome = await run(q);
          if (this.queries.get(queryId) !== q) return;
          if (!this.closed) this.subscriptions.set(q, outcome.readSet ?? null);
          if (outcome.status === "success" && outcome.journal !== undefined)
            q.journal = outcome.journal;
          const modification =
            outcome.status === "success"
              ? {
                  type: "QueryUpdated",
                  queryId,
                  value: outcome.value,
                  logLines: outcome.logLines,
                  journal: q.journal,
                }
              : {
                  type: "QueryFailed",
                  queryId,
                  errorMessage: outcome.errorMessage,
                  logLines: outcome.logLines,
                  journal: q.journal,
                  ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
                };
          const fingerprint = JSON.stringify({ ...modification, logLines: undefined });
          if (fingerprint === q.lastSent) {
            changed.delete(queryId);
            return;
          }
          changed.set(queryId, { modification, fingerprint, q });
        }),
      );
    }
    const modifications: QueryModification[] = [];
    for (const [queryId, { modification, fingerprint, q }] of changed) {
      if (this.queries.get(queryId) !== q) continue;
      q.lastSent = fingerprint;
      modifications.push(modification);
    }
    transitionTrace.mark("rerun", modifications.length);
    return modifications;
  }

  /** Leaves the subscription index: no commit invalidates these queries any more. */
  close(): void {
    this.closed = true;
    for (const q of this.queries.values()) this.subscriptions.delete(q);
  }
}
