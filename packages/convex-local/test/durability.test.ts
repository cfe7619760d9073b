import { type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { fixtureDir, tempDir } from "./helpers.ts";
import { type CliProcess, startCli as startCliProcess } from "./cli-harness.ts";

const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function startCli(args: string[]): Promise<CliProcess> {
  const cli = await startCliProcess(args);
  children.push(cli.child);
  return cli;
}

describe("durability", () => {
  test.each(["full", "normal"])(
    "every acknowledged mutation survives kill -9 and restart (--sync %s)",
    async (sync) => {
      const { dir, cleanup } = tempDir();
      cleanups.push(cleanup);
      const first = await startCli([
        "--data",
        dir,
        "--functions",
        fixtureDir("basic"),
        "--sync",
        sync,
      ]);
      const client = new ConvexHttpClient(first.url, { logger: false });
      const acknowledged: string[] = [];
      let stop = false;
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          try {
            acknowledged.push(
              await client.mutation(
                api.messages.send,
                { channel: "durable", author: `w${w}`, body: `${i}` },
                { skipQueue: true },
              ),
            );
          } catch {
            return;
          }
        }
      });
      while (acknowledged.length < 100) await new Promise((r) => setTimeout(r, 10));
      first.child.kill("SIGKILL");
      stop = true;
      await Promise.all(writers);
      await first.exited;

      const second = await startCli(["--data", dir, "--sync", sync]);
      const reader = new ConvexHttpClient(second.url, { logger: false });
      const stored = new Set(
        (await reader.query(api.messages.list, { channel: "durable" })).map((m) => m._id as string),
      );
      const missing = acknowledged.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      second.child.kill("SIGTERM");
      await second.exited;
    },
    60_000,
  );

  test("environment variables, files and scheduled jobs survive kill -9 and restart", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = await startCli(["--data", dir, "--functions", fixtureDir("basic")]);
    const admin = await fetch(`${first.url}/api/update_environment_variables`, {
      method: "POST",
      headers: { Authorization: `Convex ${first.adminKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ changes: [{ name: "KEPT", value: "yes" }] }),
    });
    expect(admin.status).toBe(200);
    const client = new ConvexHttpClient(first.url, { logger: false });
    const uploadUrl = await client.mutation(api.files.uploadUrl, {});
    const { storageId } = (await (
      await fetch(uploadUrl, { method: "POST", body: "kept bytes" })
    ).json()) as { storageId: string };
    const jobId = await client.mutation(api.jobs.later, { kind: "far-future", delayMs: 3_600_000 });
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await startCli(["--data", dir]);
    const reader = new ConvexHttpClient(second.url, { logger: false });
    expect(await reader.query(api.messages.environment, { name: "KEPT" })).toBe("yes");
    const url = await reader.query(api.files.url, { id: storageId as never });
    expect(await (await fetch(url!)).text()).toBe("kept bytes");
    expect(await reader.query(api.jobs.jobState, { id: jobId as never })).toBe("pending");
    second.child.kill("SIGTERM");
    await second.exited;
  }, 60_000);
});
