import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { fixtureDir, tempDir } from "./helpers.ts";
import { type CliProcess, startCli } from "./cli-harness.ts";

// The server runs as its own process: an exception thrown by function code outside any promise
// chain reaches the process's handlers, which a test runner's own would otherwise claim.
let cli: CliProcess;
let data: ReturnType<typeof tempDir>;
let client: ConvexHttpClient;

beforeAll(async () => {
  data = tempDir();
  cli = await startCli([
    "--data",
    data.dir,
    "--functions",
    fixtureDir("basic"),
    "--action-timeout",
    "1",
  ]);
  client = new ConvexHttpClient(cli.url, { logger: false });
}, 60_000);

afterAll(async () => {
  cli.child.kill("SIGTERM");
  await cli.exited;
  data.cleanup();
});

describe("actions", () => {
  test("the server runs with Node's async context frames, not promise hooks", () => {
    const proc = (file: string) =>
      readFileSync(`/proc/${cli.child.pid}/${file}`, "utf8").split("\0");
    const nodeOptions = proc("environ").find((v) => v.startsWith("NODE_OPTIONS=")) ?? "";
    const flags = [...proc("cmdline"), ...nodeOptions.split(/[=\s]+/)];
    // A flag on Node 22; the default from Node 24, where the bin adds nothing.
    const [major] = process.versions.node.split(".").map(Number);
    if (major! < 24) expect(flags).toContain("--experimental-async-context-frame");
  });

  test("an exception thrown in a Node callback fails the action instead of hanging it", async () => {
    await expect(client.action(api.nodeActions.throwInCallback, {})).rejects.toThrow(
      "uncaughtException: Yikes",
    );
    expect(await client.query(api.messages.list, { channel: "after" })).toEqual([]);
  });

  test("the action time limit is the one given with --action-timeout", async () => {
    expect(await client.action(api.nodeActions.sleep, { ms: 10 })).toBe("woke");
    await expect(client.action(api.nodeActions.sleep, { ms: 3000 })).rejects.toThrow(
      "Server Error\nAction `sleep` execution timed out (maximum duration 1s)",
    );
    // Outside "use node", the limit is the isolate's, with its text.
    await expect(client.action(anyApi.busy!.wait!, { ms: 3000 })).rejects.toThrow(
      /Server Error\nFunction execution timed out \(maximum duration: 1s\)$/,
    );
  });
});
