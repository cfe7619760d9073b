import type { DatabaseSync, StatementSync } from "node:sqlite";

/** Outcomes of sync-protocol mutations by (session, request), so a re-sent mutation is not run twice. */
export class SessionRequests {
  private readonly find: StatementSync;
  private readonly record: StatementSync;
  private readonly forget: StatementSync;
  private readonly anyOfSession: StatementSync;
  /** Sessions with a request running now, by how many. */
  private readonly running = new Map<string, number>();

  constructor(db: DatabaseSync) {
    this.find = db.prepare(
      "SELECT outcome, ts FROM session_requests WHERE session_id = ? AND request_id = ?",
    );
    this.record = db.prepare(
      "INSERT INTO session_requests (session_id, request_id, outcome, ts) VALUES (?, ?, ?, ?)",
    );
    this.forget = db.prepare("DELETE FROM session_requests WHERE CAST(ts AS INTEGER) < ?");
    this.anyOfSession = db.prepare("SELECT 1 FROM session_requests WHERE session_id = ? LIMIT 1");
  }

  get(sessionId: string, requestId: number): { outcome: string; ts: bigint } | null {
    const row = this.find.get(sessionId, requestId);
    return row ? { outcome: String(row.outcome), ts: BigInt(String(row.ts)) } : null;
  }

  add(sessionId: string, requestId: number, outcome: string, ts: bigint): void {
    this.record.run(sessionId, requestId, outcome, ts.toString());
  }

  /** True when a request of the session ran or is running: a later one may be a re-send. */
  seen(sessionId: string): boolean {
    return this.running.has(sessionId) || this.anyOfSession.get(sessionId) !== undefined;
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
    this.forget.run(ts);
  }
}
