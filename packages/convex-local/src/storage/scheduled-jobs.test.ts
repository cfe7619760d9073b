import { describe, expect, test } from "vitest";
import { openDatabase } from "./sqlite.ts";
import { Store } from "./store.ts";
import { SCHEDULED_JOBS_TABLE } from "./scheduled-jobs.ts";
import { tempDir } from "../../test/helpers.ts";

function job(id: string, scheduledTime: number, kind: string, completedTime?: number) {
  return {
    _id: id,
    _creationTime: 1,
    name: "jobs.js:record",
    args: [{}],
    scheduledTime,
    state: { kind },
    ...(completedTime === undefined ? {} : { completedTime }),
  };
}

describe("scheduled job index", () => {
  test("follows commits: pending by time, finished by completion, deletes dropped", async () => {
    const store = new Store(openDatabase(":memory:"));
    const table = store.catalog.ensureTable("", SCHEDULED_JOBS_TABLE);
    const other = store.catalog.ensureTable("", "tasks");
    let tx = store.begin();
    tx.write(table.number, "late", job("late", 300, "pending"));
    tx.write(table.number, "soon", job("soon", 100, "pending"));
    tx.write(table.number, "done", job("done", 50, "success", 60));
    tx.write(table.number, "running", job("running", 70, "inProgress"));
    // A user table whose documents look like jobs is not indexed.
    tx.write(other.number, "lookalike", job("lookalike", 10, "pending"));
    await store.commit(tx).durable;
    const ids = (entries: Array<{ id: string }>) => entries.map((e) => e.id);
    expect(ids(store.scheduledJobs.pending(10))).toEqual(["soon", "late"]);
    expect(ids(store.scheduledJobs.due(200, 10))).toEqual(["soon"]);
    expect(ids(store.scheduledJobs.inProgress())).toEqual(["running"]);
    expect(ids(store.scheduledJobs.finishedBefore(61, 10))).toEqual(["done"]);
    expect(ids(store.scheduledJobs.finishedBefore(60, 10))).toEqual([]);

    tx = store.begin();
    tx.write(table.number, "soon", job("soon", 100, "canceled", 120));
    tx.write(table.number, "done", null);
    await store.commit(tx).durable;
    expect(ids(store.scheduledJobs.pending(10))).toEqual(["late"]);
    expect(ids(store.scheduledJobs.finishedBefore(1000, 10))).toEqual(["soon"]);
    expect(store.scheduledJobs.count()).toBe(3);
    store.close();
  });

  test("is built from the jobs a database held before the index existed", async () => {
    const { dir, cleanup } = tempDir();
    try {
      let store = new Store(openDatabase(dir));
      const table = store.catalog.ensureTable("", SCHEDULED_JOBS_TABLE);
      const tx = store.begin();
      tx.write(table.number, "old", job("old", 100, "pending"));
      tx.write(table.number, "older", job("older", 50, "failed"));
      await store.commit(tx).durable;
      store.db.exec("DROP TABLE scheduled_jobs");
      store.db.exec("DELETE FROM meta WHERE key = 'scheduled_jobs_indexed'");
      store.close();

      store = new Store(openDatabase(dir));
      expect(store.scheduledJobs.pending(10).map((e) => e.id)).toEqual(["old"]);
      // Without a completion time, a finished job counts as ending when it was scheduled.
      expect(store.scheduledJobs.finishedBefore(51, 10).map((e) => e.id)).toEqual(["older"]);
      store.close();
    } finally {
      cleanup();
    }
  });
});
