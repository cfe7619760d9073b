import type { DatabaseSync, StatementSync } from "node:sqlite";

/**
 * Recent outcomes gathered before they move into the table keyed by (session, request): one move
 * writes each session's rows together instead of one page per session in every commit, and keeps
 * the scans of the recent ones short.
 */
const RECENT_LIMIT = 1024;

/**
 * Outcomes of sync-protocol mutations by (session, request), so a re-sent mutation is not run twice.
 * A commit appends its outcome to `session_requests_recent` (a rowid table, so rows land at its end
 * whichever session they are of); every RECENT_LIMIT outcomes move into `session_requests` at once.
 */
export class SessionRequests {
  private readonly findRecent: StatementSync;
  private readonly find: StatementSync;
  private readonly record: StatementSync;
  private readonly moveRecent: StatementSync;
  private readonly clearRecent: StatementSync;
  private readonly forgetRecent: StatementSync;
  private readonly forget: StatementSync;
  private readonly anyRecentOfSession: StatementSync;
  private readonly anyOfSession: StatementSync;
  /** Outcomes recorded since the last move, about: it only decides when to move. */
  private recent: number;
  /** Sessions with a request running now, by how many. */
  private readonly running = new Map<string, number>();

  constructor(db: DatabaseSync) {
    const columns = "session_id, request_id, outcome, ts";
    this.findRecent = db.prepare(
      "SELECT outcome, ts FROM session_requests_recent WHERE session_id = ? AND request_id = ?",
    );
    this.find = db.prepare(
      "SELECT outcome, ts FROM session_requests WHERE session_id = ? AND request_id = ?",
    );
    this.record = db.prepare(
      `INSERT INTO session_requests_recent (${columns}) VALUES (?, ?, ?, ?)`,
    );
    // A pair recorded twice (a client re-using a request id unannounced) keeps its first outcome.
    this.moveRecent = db.prepare(
      `INSERT OR IGNORE INTO session_requests (${columns}) SELECT ${columns} FROM session_requests_recent ORDER BY session_id, request_id, rowid`,
    );
    this.clearRecent = db.prepare("DELETE FROM session_requests_recent");
    this.forgetRecent = db.prepare(
      "DELETE FROM session_requests_recent WHERE CAST(ts AS INTEGER) < ?",
    );
    this.forget = db.prepare("DELETE FROM session_requests WHERE CAST(ts AS INTEGER) < ?");
    this.anyRecentOfSession = db.prepare(
      "SELECT 1 FROM session_requests_recent WHERE session_id = ? LIMIT 1",
    );
    this.anyOfSession = db.prepare("SELECT 1 FROM session_requests WHERE session_id = ? LIMIT 1");
    this.recent = Number(db.prepare("SELECT count(*) AS n FROM session_requests_recent").get()!.n);
  }

  get(sessionId: string, requestId: number): { outcome: string; ts: bigint } | null {
    const row = this.findRecent.get(sessionId, requestId) ?? this.find.get(sessionId, requestId);
    return row ? { outcome: String(row.outcome), ts: BigInt(String(row.ts)) } : null;
  }

  /** Records an outcome, inside the commit that made it. */
  add(sessionId: string, requestId: number, outcome: string, ts: bigint): void {
    this.record.run(sessionId, requestId, outcome, ts.toString());
    if (++this.recent < RECENT_LIMIT) return;
    this.moveRecent.run();
    this.clearRecent.run();
    this.recent = 0;
  }

  /** True when a request of the session ran or is running: a later one may be a re-send. */
  seen(sessionId: string): boolean {
    return (
      this.running.has(sessionId) ||
      this.anyRecentOfSession.get(sessionId) !== undefined ||
      this.anyOfSession.get(sessionId) !== undefined
    );
  }

  /** Runs a request of the session, counting it as running until it settles. */
  async track<T>(sessionId: string, run: () => Promise<T>): Promise<T> {
    this.running.set(sessionId, (this.running.get(sessionId) ?? 0) + 1);
    try {
      return await run();
    } finally {
      const left = this.running.get(sessionId)! - 1;
      if (left === 0) this.running.delete(sessionId);
      else this.running.set(sessionId, left);
    }
  }

  /** Drops the records of commits before `ts`. */
  forgetBefore(ts: bigint): void {
    this.forgetRecent.run(ts);
    this.forget.run(ts);
  }
}
