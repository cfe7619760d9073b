import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { startCli, type CliProcess } from "./cli-harness.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

let data: ReturnType<typeof tempDir>;
let cli: CliProcess;
let client: ConvexHttpClient;
const busy = anyApi.busy!;
const TIMED_OUT = /Server Error\nFunction execution timed out \(maximum duration: 300ms\)$/;

beforeAll(async () => {
  data = tempDir();
  cli = await startCli([
    "--data",
    data.dir,
    "--functions",
    fixtureDir("basic"),
    "--function-timeout",
    "0.3",
  ]);
  client = new ConvexHttpClient(cli.url, { logger: false });
}, 60_000);

afterAll(async () => {
  cli.child.kill("SIGTERM");
  await cli.exited;
  data.cleanup();
});

describe("query and mutation execution time (--function-timeout)", () => {
  test("a query within the limit answers; past it, it fails with Convex's text", async () => {
    expect(await client.query(busy.compute!, { ms: 20 })).toBe(20);
    await expect(client.query(busy.compute!, { ms: 600 })).rejects.toThrow(TIMED_OUT);
  });

  test("time the process was not running (a loaded machine) is not the function's own", async () => {
    expect(await client.query(busy.stalled!, { ms: 600 })).toBe(600);
  });

  test("a mutation past the limit writes nothing", async () => {
    await client.mutation(busy.computeAndWrite!, { ms: 20 });
    await expect(client.mutation(busy.computeAndWrite!, { ms: 600 })).rejects.toThrow(TIMED_OUT);
    const written = await client.query(anyApi.messages!.list!, { channel: "busy" });
    expect(written.map((m: { body: string }) => m.body)).toEqual(["20"]);
  });

  test("code that catches the error at its next database call still fails", async () => {
    expect(await client.query(busy.catchesTheTimeout!, { ms: 20 })).toBe("read");
    await expect(client.query(busy.catchesTheTimeout!, { ms: 600 })).rejects.toThrow(TIMED_OUT);
  });
});

describe("an action's own code", () => {
  test("does not hold other requests for longer than a step between its ctx.run* calls", async () => {
    const finished: string[] = [];
    const action = client
      .action(busy.computeBetweenQueries!, { steps: 20, ms: 100 })
      .then(() => finished.push("action"));
    // The query arrives while the action computes; Convex answers it between the action's steps.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.query(anyApi.messages!.list!, { channel: "busy" });
    finished.push("query");
    await action;
    expect(finished).toEqual(["query", "action"]);
  });
});
