import { randomUUID } from "node:crypto";
import { realNow, realSetTimeout } from "../environment/globals.ts";

export type LogUdfType = "Query" | "Mutation" | "Action" | "HttpAction";

type LogLine = {
  messages: string[];
  level: "LOG" | "DEBUG" | "INFO" | "WARN" | "ERROR";
  timestamp: number;
  isTruncated: boolean;
};

/** One finished execution as `GET /api/stream_function_logs` reports it (the CLI's `FunctionExecution`). */
type FunctionExecution = {
  kind: "Completion";
  udfType: LogUdfType;
  componentPath: string | null;
  identifier: string;
  logLines: LogLine[];
  /** Seconds since the epoch; the stream's cursor is this in milliseconds. */
  timestamp: number;
  executionTimestamp: number;
  executionTime: number;
  cachedResult: boolean;
  caller: string;
  success: null;
  error: string | null;
  requestId: string;
  executionId: string;
  usageStats: Record<string, number>;
  willRetry: boolean;
  identityType: string;
  environment: "isolate";
};

type ExecutionRecord = {
  udfType: LogUdfType;
  componentPath: string;
  identifier: string;
  logLines: string[];
  startedMs: number;
  error?: string;
  requestId?: string;
  caller: string;
};

const KEEP = 2000;
/** A poll with nothing new is held this long before answering empty (the CLI polls again at once). */
const LONG_POLL_MS = 30_000;
const LEVELS = new Set(["LOG", "DEBUG", "INFO", "WARN", "ERROR"]);
const USAGE_FIELDS = [
  "databaseReadBytes",
  "databaseWriteBytes",
  "databaseIoReadBytes",
  "databaseIoWriteBytes",
  "databaseReadDocuments",
  "databaseWriteDocuments",
  "databaseWriteIndexRows",
  "storageReadBytes",
  "storageWriteBytes",
  "vectorIndexReadBytes",
  "vectorIndexWriteBytes",
  "textIndexQueryBytes",
  "textIndexWriteQueryBytes",
  "vectorIndexReadQueryBytes",
  "vectorIndexWriteQueryBytes",
  "networkEgressBytes",
  "memoryUsedMb",
];

/** `"[LEVEL] message"` (the runtime's console capture) as a structured log line. */
function structured(line: string, timestamp: number): LogLine {
  const match = /^\[([A-Z]+)\] /.exec(line);
  const level = match && LEVELS.has(match[1]!) ? (match[1] as LogLine["level"]) : "LOG";
  const message = match ? line.slice(match[0].length) : line;
  return { messages: [message], level, timestamp, isTruncated: false };
}

/** An execution as recorded; made a `FunctionExecution` (once) only when a poll reads it. */
type Recorded = { execution: ExecutionRecord; nowMs: number; cursorMs: number };

/** The cursor a poll hands back for an entry: its timestamp in seconds, times 1000, as before. */
const cursorOf = (e: Recorded) => (e.cursorMs / 1000) * 1000;

function completion({ execution, nowMs, cursorMs }: Recorded): FunctionExecution {
  return {
    kind: "Completion",
    udfType: execution.udfType,
    componentPath: execution.componentPath || null,
    identifier: execution.identifier,
    logLines: execution.logLines.map((l) => structured(l, Math.floor(nowMs))),
    timestamp: cursorMs / 1000,
    executionTimestamp: execution.startedMs / 1000,
    executionTime: Math.max(0, nowMs - execution.startedMs) / 1000,
    cachedResult: false,
    caller: execution.caller,
    success: null,
    error: execution.error ?? null,
    requestId: execution.requestId ?? randomUUID(),
    executionId: randomUUID(),
    usageStats: Object.fromEntries(USAGE_FIELDS.map((f) => [f, 0])),
    willRetry: false,
    identityType: "unknown",
    environment: "isolate",
  };
}

/** The recent function executions, kept in memory, and the long polls waiting for new ones. */
export class FunctionLogs {
  private entries: Array<Recorded & { shown?: FunctionExecution }> = [];
  private lastCursorMs = 0;
  private readonly waiters = new Set<() => void>();

  record(execution: ExecutionRecord): void {
    const nowMs = realNow();
    // Cursors must strictly increase so a poll never sees an entry twice or skips one.
    const cursorMs = nowMs > this.lastCursorMs ? nowMs : this.lastCursorMs + 0.001;
    this.lastCursorMs = cursorMs;
    this.entries.push({ execution, nowMs, cursorMs });
    // Trimmed in halves, so keeping the last KEEP costs O(1) per execution rather than a copy each.
    if (this.entries.length >= 2 * KEEP) this.entries = this.entries.slice(-KEEP);
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Number of polls currently waiting for a new entry. */
  get waiting(): number {
    return this.waiters.size;
  }

  /**
   * Entries after `cursorMs`. Cursor 0 (a client's first poll) answers at once with everything kept;
   * otherwise an empty answer waits for a new entry, up to a limit or until `aborted` fires.
   */
  async poll(
    cursorMs: number,
    aborted: Promise<void>,
  ): Promise<{ entries: FunctionExecution[]; newCursor: number }> {
    if (cursorMs > 0 && !(this.entries.length > 0 && cursorOf(this.entries.at(-1)!) > cursorMs)) {
      let wake!: () => void;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      this.waiters.add(wake);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>(
        (resolve) => (timer = realSetTimeout(resolve, LONG_POLL_MS)),
      );
      await Promise.race([woken, timeout, aborted]);
      clearTimeout(timer);
      this.waiters.delete(wake);
    }
    const entries = this.entries
      .slice(-KEEP)
      .filter((e) => cursorOf(e) > cursorMs)
      .map((e) => (e.shown ??= completion(e)));
    if (entries.length)
      return { entries, newCursor: entries[entries.length - 1]!.timestamp * 1000 };
    // Later entries get cursors above the one handed out here.
    this.lastCursorMs = Math.max(cursorMs, this.lastCursorMs, realNow());
    return { entries, newCursor: this.lastCursorMs };
  }
}
