import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { Backend } from "../src/runtime/backend.ts";
import { insertSystem } from "../src/runtime/syscalls/db-syscalls.ts";
import { FINISHED_JOB_RETENTION_MS } from "../src/runtime/scheduler/scheduled-job-retention.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

let backend: Backend;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  backend = new Backend({ dataDir: tmp.dir });
  await backend.deploy(fixtureDir("basic"));
});

afterAll(() => {
  backend.close();
  cleanup();
});

const call = async (udfPath: string, args: Record<string, unknown> = {}) => {
  const outcome = await backend.call(null, {
    udfPath,
    args: args as never,
    identity: null,
    isAdmin: true,
  });
  if (outcome.status !== "success") throw new Error(outcome.errorMessage);
  return outcome.value;
};

/** Writes finished jobs straight into the app's `_scheduled_functions`, as if they had run. */
async function seedFinished(count: number, completedTime: number): Promise<string[]> {
  return backend.executor.systemMutation("", (frame) =>
    Array.from(
      { length: count },
      (_, i) =>
        insertSystem(frame, "_scheduled_functions", {
          name: "jobs.js:record",
          args: [{ kind: `old-${i}` }],
          scheduledTime: completedTime,
          completedTime,
          state: { kind: "success" },
        })._id,
    ),
  );
}

async function waitForState(id: string, state: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await call("jobs:jobState", { id })) === state) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${id} never reached ${state}`);
}

describe("scheduler with a long history", () => {
  test("running a due job reads no finished job", async () => {
    await seedFinished(500, Date.now());
    const parse = vi.spyOn(JSON, "parse");
    try {
      const id = (await call("jobs:later", { kind: "after-history", delayMs: 0 })) as string;
      await waitForState(id, "success");
      const finishedRead = parse.mock.calls.filter(
        ([text]) => typeof text === "string" && text.includes('"kind":"old-'),
      );
      expect(finishedRead).toHaveLength(0);
    } finally {
      parse.mockRestore();
    }
    expect(await call("jobs:events")).toContain("after-history");
  });

  test("finished jobs past the 7-day retention are purged, newer ones stay queryable", async () => {
    const now = Date.now();
    const expired = await seedFinished(3, now - FINISHED_JOB_RETENTION_MS - DAY_MS);
    const recent = await seedFinished(2, now - 6 * DAY_MS);
    const pending = (await call("jobs:later", { kind: "far", delayMs: 60 * DAY_MS })) as string;

    expect(await backend.scheduler.purgeFinished(now)).toBe(3);

    const ids = ((await call("jobs:listJobs")) as Array<{ id: string }>).map((j) => j.id);
    for (const id of expired) expect(ids).not.toContain(id);
    for (const id of [...recent, pending]) expect(ids).toContain(id);
    expect(await call("jobs:jobState", { id: pending })).toBe("pending");
    expect(await backend.scheduler.purgeFinished(now)).toBe(0);
  });
});
