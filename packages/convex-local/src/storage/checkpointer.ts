import { Worker } from "node:worker_threads";

/** Commits between two checkpoint requests: about SQLite's default of 1000 WAL pages at ~6 per commit. */
const BATCHES_PER_CHECKPOINT = 128;

// A CommonJS script, so the worker needs no loader for TypeScript.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...args) => {
  if (String(warning).includes("SQLite")) return;
  return emitWarning.call(process, warning, ...args);
};
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(workerData.path);
db.exec("PRAGMA busy_timeout = 5000");
// NORMAL syncs the WAL before copying it into the database and the database after.
db.exec("PRAGMA synchronous = NORMAL");
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  let error = null;
  try {
    db.exec("PRAGMA wal_checkpoint(PASSIVE)");
  } catch (e) {
    error = String(e);
  }
  parentPort.postMessage(error);
});
`;

/**
 * Copies the WAL into the database file from a worker thread, so the event loop does not stop for
 * a checkpoint's copying and fsyncs. The main connection keeps a far larger auto-checkpoint as a
 * fallback should the worker fall behind. Started on first use: small databases never need it.
 */
export class Checkpointer {
  private readonly path: string;
  private worker: Worker | null = null;
  private running = false;
  private batches = 0;
  private closed = false;

  constructor(path: string) {
    this.path = path;
  }

  /** Called after each committed batch; asks for a checkpoint every so many batches. */
  committed(): void {
    if (this.closed || ++this.batches < BATCHES_PER_CHECKPOINT || this.running) return;
    this.batches = 0;
    this.running = true;
    this.start().postMessage("checkpoint");
  }

  close(): void {
    this.closed = true;
    this.worker?.postMessage("close");
    this.worker = null;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: this.path } });
    // A failed checkpoint is retried with the next request; SQLite's own auto-checkpoint still runs.
    worker.on("message", () => (this.running = false));
    worker.on("error", () => {
      this.running = false;
      if (this.worker === worker) this.worker = null;
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }
}
