import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { convexProject, runConvexCli, spawnConvexCli, type RunningCli } from "./cli-harness.ts";
import { tempDir } from "./helpers.ts";
import { startDeployment } from "./server-harness.ts";

let project: ReturnType<typeof convexProject>;
let data: ReturnType<typeof tempDir>;
let deployment: Awaited<ReturnType<typeof startDeployment>>;
const running: RunningCli[] = [];

const talkModule = (reply: string) => `import { v } from "convex/values";
import { httpAction, mutation, query } from "./_generated/server";

export const say = mutation({
  args: { text: v.string() },
  handler: async (_ctx, { text }) => {
    console.log("said", text);
    console.warn("careful", { n: 1 });
    return ${JSON.stringify(reply)};
  },
});

export const fail = query({
  args: {},
  handler: async () => {
    console.error("about to fail");
    throw new Error("on purpose");
  },
});

export const addDone = mutation({
  args: { label: v.string() },
  handler: async (ctx, { label }) => {
    await ctx.db.insert("done", { label });
  },
});

export const clearDone = mutation({
  args: {},
  handler: async (ctx) => {
    for (const doc of await ctx.db.query("done").collect()) await ctx.db.delete(doc._id);
  },
});

export const hook = httpAction(async () => {
  console.info("hook called");
  return new Response("ok");
});
`;

const HTTP_MODULE = `import { httpRouter } from "convex/server";
import { hook } from "./talk";

const http = httpRouter();
http.route({ path: "/hook", method: "GET", handler: hook });
export default http;
`;

async function call(kind: "mutation" | "query", path: string, args: object): Promise<unknown> {
  const response = await fetch(`${deployment.url}/api/${kind}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ path, args, format: "json" }),
  });
  return response.json();
}

/** Waits until a log poll is parked on the server, so the next execution reaches that stream. */
async function streamListening(): Promise<void> {
  for (let i = 0; i < 600 && deployment.backend.logs.waiting === 0; i++)
    await new Promise((r) => setTimeout(r, 100));
  expect(deployment.backend.logs.waiting).toBeGreaterThan(0);
}

beforeAll(async () => {
  project = convexProject("components");
  writeFileSync(join(project.dir, "convex", "talk.ts"), talkModule("first"));
  writeFileSync(join(project.dir, "convex", "http.ts"), HTTP_MODULE);
  data = tempDir();
  deployment = await startDeployment(data.dir);
  const deploy = await runConvexCli(
    project.dir,
    ["deploy", "--yes", "--typecheck", "disable"],
    deployment,
  );
  expect(deploy.code, deploy.output).toBe(0);
}, 240_000);

afterAll(async () => {
  for (const cli of running) await cli.stop();
  await deployment?.stop();
  data?.cleanup();
  project?.cleanup();
});

describe("function logs through the official CLI", () => {
  test("npx convex logs streams console output and failures with their function paths", async () => {
    const logs = spawnConvexCli(project.dir, ["logs", "--success"], deployment);
    running.push(logs);
    await logs.waitFor(/Watching logs/);
    await streamListening();
    expect(await call("mutation", "talk:say", { text: "hello" })).toMatchObject({
      status: "success",
      value: "first",
    });
    await logs.waitFor(/\[CONVEX M\(talk:say\)\] \[LOG\] said hello/);
    await logs.waitFor(/\[CONVEX M\(talk:say\)\] \[WARN\] careful \{ n: 1 \}/);
    await logs.waitFor(/\[CONVEX M\(talk:say\)\] Function executed in \d+ ms/);

    await streamListening();
    expect(await call("query", "talk:fail", {})).toMatchObject({ status: "error" });
    await logs.waitFor(/\[CONVEX Q\(talk:fail\)\] \[ERROR\] about to fail/);
    await logs.waitFor(
      /\[CONVEX Q\(talk:fail\)\] \[Request ID: \w+\] Server Error\s+Uncaught Error: on purpose/,
    );

    await streamListening();
    expect(await (await fetch(`${deployment.server.siteUrl}/hook`)).text()).toBe("ok");
    await logs.waitFor(/\[CONVEX H\(GET \/hook\)\] \[INFO\] hook called/);
    await logs.stop();

    // --jsonl prints the raw entries: the history kept so far, in the shape Convex streams.
    const raw = spawnConvexCli(project.dir, ["logs", "--jsonl", "--history", "10"], deployment);
    running.push(raw);
    await raw.waitFor(/"identifier":"talk:fail"/);
    await raw.stop();
    const entries = raw
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const said = entries.find((e) => e.identifier === "talk:say");
    expect(said).toMatchObject({
      kind: "Completion",
      udfType: "Mutation",
      componentPath: null,
      error: null,
      logLines: [
        {
          level: "LOG",
          messages: ["said hello"],
          isTruncated: false,
          timestamp: expect.any(Number),
        },
        {
          level: "WARN",
          messages: ["careful { n: 1 }"],
          isTruncated: false,
          timestamp: expect.any(Number),
        },
      ],
    });
    // Seconds since the epoch, as Convex reports them.
    expect(Math.abs((said!.timestamp as number) - Date.now() / 1000)).toBeLessThan(600);
    const failed = entries.find((e) => e.identifier === "talk:fail")!;
    // The entry's request id is the one the error message names.
    expect(failed.error).toContain(`[Request ID: ${String(failed.requestId)}]`);
    expect(failed.error).toMatch(/Uncaught Error: on purpose/);
  }, 240_000);

  test("npx convex dev watches the project, pushes each change, shows function logs and retries a push refused by the data once the data changes", async () => {
    const dev = spawnConvexCli(project.dir, ["dev", "--typecheck", "disable"], deployment);
    running.push(dev);
    await dev.waitFor(/Convex functions ready!/);
    writeFileSync(join(project.dir, "convex", "talk.ts"), talkModule("second"));
    await dev.waitFor(/Convex functions ready![\s\S]*Convex functions ready!/);
    await streamListening();
    expect(await call("mutation", "talk:say", { text: "from dev" })).toMatchObject({
      status: "success",
      value: "second",
    });
    await dev.waitFor(/\[CONVEX M\(talk:say\)\] \[LOG\] said from dev/);

    // A schema the data breaks is refused; dev waits on the table and pushes again once it is fixed.
    expect(await call("mutation", "talk:addDone", { label: "text" })).toMatchObject({
      status: "success",
    });
    const schemaFile = join(project.dir, "convex", "schema.ts");
    const schema = readFileSync(schemaFile, "utf8");
    writeFileSync(
      schemaFile,
      schema.replace(
        "done: defineTable({ label: v.string() })",
        "done: defineTable({ label: v.number() })",
      ),
    );
    const calls = vi.spyOn(deployment.backend, "call");
    await dev.waitFor(/Schema validation failed[\s\S]*in table "done" does not match the schema/);
    expect(dev.output().match(/Convex functions ready!/g)).toHaveLength(2);
    // Fix the data only once dev watches the table, as a developer would after reading the error.
    for (let i = 0; i < 600; i++) {
      if (calls.mock.calls.some(([, r]) => r.udfPath.startsWith("_system/cli/queryTable"))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const watching = calls.mock.calls.some(([, r]) =>
      r.udfPath.startsWith("_system/cli/queryTable"),
    );
    calls.mockRestore();
    expect(watching).toBe(true);
    expect(await call("mutation", "talk:clearDone", {})).toMatchObject({ status: "success" });
    await dev.waitFor(/(Convex functions ready![\s\S]*){3}/);
    writeFileSync(schemaFile, schema);
    await dev.waitFor(/(Convex functions ready![\s\S]*){4}/);
    await dev.stop();
  }, 240_000);
});
