/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { ConvexError } from "convex/values";
import { type FunctionReference } from "convex/server";
import { convexTest } from "convex-test";
import schema from "./fixtures/basic/convex/schema.ts";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { type CliProcess, startCli } from "./cli-harness.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

const modules = import.meta.glob([
  "./fixtures/basic/convex/**/*.ts",
  "./fixtures/basic/convex/**/*.js",
  "!**/*.d.ts",
]);

type Runner = {
  query(ref: FunctionReference<"query">, args: Record<string, unknown>): Promise<unknown>;
  mutation(ref: FunctionReference<"mutation">, args: Record<string, unknown>): Promise<unknown>;
};

/** Runs the same script of calls and returns what each step observed, minus ids and times that must differ. */
async function script(run: Runner): Promise<unknown[]> {
  const seen: unknown[] = [];
  const observe = async (step: () => Promise<unknown>) => {
    try {
      seen.push(strip(await step()));
    } catch (e) {
      seen.push({
        error:
          e instanceof ConvexError
            ? { data: e.data }
            : String((e as Error).message).includes("failing on purpose"),
      });
    }
  };
  for (const [channel, author, body] of [
    ["general", "ann", "hello world"],
    ["general", "bob", "second message"],
    ["random", "ann", "off topic"],
    ["general", "cy", "third"],
    ["general", "ann", "fourth and last"],
  ] as const) {
    await run.mutation(api.messages.send, { channel, author, body });
  }
  await observe(() => run.query(api.messages.list, { channel: "general" }));
  await observe(() => run.query(api.messages.latest, { channel: "general", count: 2 }));
  await observe(() => run.query(api.messages.byAuthor, { author: "ann" }));
  await observe(async () => {
    const first = (await run.query(api.messages.page, {
      channel: "general",
      paginationOpts: { numItems: 3, cursor: null },
    })) as {
      page: unknown[];
      isDone: boolean;
      continueCursor: string;
    };
    const second = (await run.query(api.messages.page, {
      channel: "general",
      paginationOpts: { numItems: 3, cursor: first.continueCursor },
    })) as { page: unknown[]; isDone: boolean };
    return [first.page, first.isDone, second.page, second.isDone];
  });
  await observe(() => run.mutation(api.messages.seeOwnWrites, { channel: "own" }));
  await observe(() => run.mutation(api.messages.rejectWithData, {}));
  await observe(() => run.mutation(api.messages.sendThenFail, { channel: "general" }));
  await observe(() => run.query(api.messages.list, { channel: "general" }));
  for (let i = 0; i < 3; i++) await run.mutation(api.counters.increment, { name: "n" });
  await observe(() => run.query(api.counters.get, { name: "n" }));
  await observe(() => run.query(api.search.messages, { text: "message" }));
  return seen;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object" && !(value instanceof ArrayBuffer)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "_id" && k !== "_creationTime")
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

// convex-test installs its own global `Convex`, so convex-local runs in a child process here.
let cli: CliProcess;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  cli = await startCli(["--data", tmp.dir, "--functions", fixtureDir("basic")]);
}, 60_000);

afterAll(async () => {
  cli.child.kill("SIGTERM");
  await cli.exited;
  cleanup();
});

describe("conformance with convex-test", () => {
  test("the same calls observe the same results", async () => {
    const t = convexTest(schema, modules);
    const reference = await script({
      query: (ref, args) => t.query(ref, args),
      mutation: (ref, args) => t.mutation(ref, args),
    });
    const client = new ConvexHttpClient(cli.url, { logger: false });
    const local = await script({
      query: (ref, args) => client.query(ref, args),
      mutation: (ref, args) => client.mutation(ref, args),
    });
    expect(local).toEqual(reference);
  });
});
