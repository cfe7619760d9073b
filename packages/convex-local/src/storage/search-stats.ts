import type { DatabaseSync, StatementSync } from "node:sqlite";
import { wallClock } from "../wall-clock.ts";

/** Index-wide statistics BM25 scores with, as a text index's segments do in Convex. */
export type SearchStats = { documents: number; tokens: number };

/** The stored `documents` of an index whose row is behind its postings: recounted at open. */
const STALE = -1;

/** Stored statistics are brought up to date at most this often by default (and at a clean close). */
const SAVE_INTERVAL_MS = 1_000;

/**
 * The text indexes' statistics, counted in memory. A commit that changes an index's statistics
 * does not rewrite its row: the first such commit after a save marks the row stale, and the row is
 * rewritten at most once a second, so commits do not each dirty the `search_indexes` page. A file
 * left with a stale row (a crash) has that index's statistics recounted at open.
 */
export class SearchStatistics {
  private readonly current = new Map<number, SearchStats>();
  /** Changes of the commit being applied, kept apart until it is sure to stand. */
  private readonly pending = new Map<number, SearchStats>();
  /** Indexes whose stored row is marked stale (by a commit that stood). */
  private readonly stale = new Set<number>();
  private readonly markedNow: number[] = [];
  private readonly markStale: StatementSync;
  private readonly write: StatementSync;
  private savedAt = 0;
  private readonly intervalMs: number;

  /** `recount`: an index's statistics counted afresh, for a row a crash left stale. */
  constructor(
    db: DatabaseSync,
    recount: (indexId: number) => SearchStats,
    intervalMs = SAVE_INTERVAL_MS,
  ) {
    this.intervalMs = intervalMs;
    this.markStale = db.prepare(`UPDATE search_indexes SET documents = ${STALE} WHERE id = ?`);
    this.write = db.prepare("UPDATE search_indexes SET documents = ?, tokens = ? WHERE id = ?");
    for (const row of db.prepare("SELECT id, documents, tokens FROM search_indexes").all()) {
      const id = Number(row.id);
      if (Number(row.documents) !== STALE) {
        this.current.set(id, { documents: Number(row.documents), tokens: Number(row.tokens) });
        continue;
      }
      const stats = recount(id);
      this.write.run(stats.documents, stats.tokens, id);
      this.current.set(id, stats);
    }
  }

  get(indexId: number): SearchStats {
    return this.current.get(indexId) ?? { documents: 0, tokens: 0 };
  }

  /** Counts a document in or out of an index, for the commit being applied. */
  add(indexId: number, documents: number, tokens: number): void {
    const change = this.pending.get(indexId);
    if (change) {
      change.documents += documents;
      change.tokens += tokens;
    } else this.pending.set(indexId, { documents, tokens });
  }

  /** Inside the commit's transaction: marks the stored rows this commit makes stale. */
  markChanged(): void {
    if (this.pending.size === 0) return;
    for (const id of this.pending.keys()) {
      if (this.stale.has(id)) continue;
      this.markStale.run(id);
      this.markedNow.push(id);
    }
  }

  /** The commit stood: its changes count. */
  applied(): void {
    if (this.pending.size === 0) return;
    for (const [id, change] of this.pending) {
      const stats = this.get(id);
      this.current.set(id, {
        documents: stats.documents + change.documents,
        tokens: stats.tokens + change.tokens,
      });
    }
    for (const id of this.markedNow) this.stale.add(id);
    this.discard();
  }

  /** The commit was rolled back: its changes never happened. */
  discard(): void {
    this.pending.clear();
    this.markedNow.length = 0;
  }

  /**
   * Inside a transaction whose commits have all been applied: rewrites the stale rows, when the
   * last save is older than the interval or `now` is set.
   */
  save(now = false): void {
    if (this.stale.size === 0) return;
    const at = wallClock();
    if (!now && at - this.savedAt < this.intervalMs) return;
    this.savedAt = at;
    for (const id of this.stale) {
      const stats = this.get(id);
      this.write.run(stats.documents, stats.tokens, id);
    }
    this.stale.clear();
  }

  /** A dropped index's statistics go with it. */
  forget(indexId: number): void {
    this.current.delete(indexId);
    this.stale.delete(indexId);
  }
}
