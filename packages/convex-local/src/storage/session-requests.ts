import type { DatabaseSync, StatementSync } from "node:sqlite";

/** Outcomes of sync-protocol mutations by (session, request), so a re-sent mutation is not run twice. */
export class SessionRequests {
  private readonly find: StatementSync;
  private readonly record: StatementSync;
  private readonly forget: StatementSync;

  constructor(db: DatabaseSync) {
    this.find = db.prepare(
      "SELECT outcome, ts FROM session_requests WHERE session_id = ? AND request_id = ?",
    );
    this.record = db.prepare(
      "INSERT INTO session_requests (session_id, request_id, outcome, ts) VALUES (?, ?, ?, ?)",
    );
    this.forget = db.prepare("DELETE FROM session_requests WHERE CAST(ts AS INTEGER) < ?");
  }

  get(sessionId: string, requestId: number): { outcome: string; ts: bigint } | null {
    const row = this.find.get(sessionId, requestId);
    return row ? { outcome: String(row.outcome), ts: BigInt(String(row.ts)) } : null;
  }

  add(sessionId: string, requestId: number, outcome: string, ts: bigint): void {
    this.record.run(sessionId, requestId, outcome, ts.toString());
  }

  /** Drops the records of commits before `ts`. */
  forgetBefore(ts: bigint): void {
    this.forget.run(ts);
  }
}
