import { Worker } from "node:worker_threads";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openDatabase } from "./sqlite.ts";
import { tempDir } from "../../test/helpers.ts";

// Holds the database file locked from another thread for a moment, as a closing connection does
// while it checkpoints the WAL and removes it (the store's checkpoint worker, or a server that is
// stopping while the next one starts).
const LOCK_HOLDER = `
const { parentPort, workerData } = require("node:worker_threads");
const { DatabaseSync } = require("node:sqlite");
const db = new DatabaseSync(workerData.path);
db.exec("PRAGMA locking_mode = EXCLUSIVE");
db.exec("BEGIN EXCLUSIVE");
db.exec("CREATE TABLE IF NOT EXISTS held (x)");
parentPort.postMessage("locked");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  parentPort.postMessage("released");
}, workerData.holdMs);
`;

describe("openDatabase", () => {
  test("waits for a lock another connection is about to release instead of failing", async () => {
    const { dir, cleanup } = tempDir();
    try {
      openDatabase(dir).close();
      const worker = new Worker(LOCK_HOLDER, {
        eval: true,
        workerData: { path: join(dir, "convex-local.sqlite3"), holdMs: 300 },
      });
      const messages: string[] = [];
      const released = new Promise<void>((resolve, reject) => {
        worker.on("error", reject);
        worker.on("message", (message: string) => {
          messages.push(message);
          if (message === "released") resolve();
        });
      });
      while (!messages.includes("locked")) await new Promise((r) => setTimeout(r, 10));

      const db = openDatabase(dir);
      await released;
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'held'")
        .all();
      expect(tables).toHaveLength(1);
      db.close();
      await worker.terminate();
    } finally {
      cleanup();
    }
  });
});
