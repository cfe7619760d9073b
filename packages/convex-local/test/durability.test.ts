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
  test("every acknowledged mutation survives kill -9 and restart", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const first = await startCli(["--data", dir, "--functions", fixtureDir("basic")]);
    const client = new ConvexHttpClient(first.url, { logger: false });
    const acknowledged: string[] = [];
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        try {
          acknowledged.push(await client.mutation(api.messages.send, { channel: "durable", author: `w${w}`, body: `${i}` }, { skipQueue: true }));
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

    const second = await startCli(["--data", dir]);
    const reader = new ConvexHttpClient(second.url, { logger: false });
    const stored = new Set((await reader.query(api.messages.list, { channel: "durable" })).map((m) => m._id as string));
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    second.child.kill("SIGTERM");
    await second.exited;
  }, 60_000);
});
