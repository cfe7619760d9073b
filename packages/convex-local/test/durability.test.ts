import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { fixtureDir, tempDir } from "./helpers.ts";

const BIN = join(import.meta.dirname, "..", "bin", "convex-local.js");
const children: ChildProcess[] = [];
const cleanups: Array<() => void> = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Spawns the CLI and resolves with its URL once it prints it. */
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, "--port", "0", "--site-port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /URL:\s+(http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`convex-local exited with ${code}: ${err}`)));
  });
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
    const exited = new Promise((r) => first.child.once("exit", r));
    first.child.kill("SIGKILL");
    stop = true;
    await Promise.all(writers);
    await exited;

    const second = await startCli(["--data", dir]);
    const reader = new ConvexHttpClient(second.url, { logger: false });
    const stored = new Set((await reader.query(api.messages.list, { channel: "durable" })).map((m) => m._id as string));
    const missing = acknowledged.filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    const stopped = new Promise((r) => second.child.once("exit", r));
    second.child.kill("SIGTERM");
    await stopped;
  }, 60_000);
});
