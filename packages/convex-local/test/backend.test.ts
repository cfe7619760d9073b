import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Backend } from "../src/runtime/backend.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

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

const call = (udfPath: string, args: Record<string, unknown> = {}, isAdmin = false) =>
  backend.call(null, { udfPath, args: args as never, identity: null, isAdmin });

describe("backend", () => {
  test("inserts and queries through an index", async () => {
    const sent = await call("messages:send", { channel: "a", author: "ann", body: "hi" });
    expect(sent.status).toBe("success");
    const listed = await call("messages:list", { channel: "a" });
    expect(listed.status).toBe("success");
    expect(listed.status === "success" && listed.value).toMatchObject([
      { channel: "a", author: "ann", body: "hi" },
    ]);
  });

  test("a mutation that throws leaves nothing behind", async () => {
    const failed = await call("messages:sendThenFail", { channel: "ghost" });
    expect(failed.status).toBe("error");
    const listed = await call("messages:list", { channel: "ghost" });
    expect(listed.status === "success" && listed.value).toEqual([]);
  });

  test("ConvexError data is returned as convex JSON", async () => {
    const failed = await call("messages:rejectWithData");
    expect(failed).toMatchObject({
      status: "error",
      errorData: { code: "NOT_ALLOWED", limit: { $integer: "AwAAAAAAAAA=" } },
    });
  });

  test("arguments and schema are validated", async () => {
    const badArgs = await call("messages:send", { channel: 1, author: "a", body: "b" });
    expect(badArgs.status === "error" && badArgs.errorMessage).toContain("ArgumentValidationError");
    const badDoc = await call("messages:insertInvalid");
    expect(badDoc.status === "error" && badDoc.errorMessage).toContain("does not match the schema");
  });

  test("internal functions are hidden from public callers", async () => {
    const hidden = await call("messages:secret");
    expect(hidden.status === "error" && hidden.errorMessage).toContain(
      "Could not find public function",
    );
    const admin = await call("messages:secret", {}, true);
    expect(admin).toMatchObject({ status: "success", value: "internal only" });
  });

  test("a mutation sees its own writes in index scans", async () => {
    const result = await call("messages:seeOwnWrites", { channel: "own" });
    expect(result).toMatchObject({ status: "success", value: ["one", "two"] });
  });

  test("concurrent increments serialize", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call("counters:increment", { name: "c" })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("success"));
    expect(await call("counters:get", { name: "c" })).toMatchObject({
      status: "success",
      value: 10,
    });
  });

  test("actions run queries and mutations", async () => {
    expect(await call("jobs:roundTrip", { channel: "act" })).toMatchObject({
      status: "success",
      value: 1,
    });
  });

  test("queries see frozen time and seeded randomness", async () => {
    const result = await call("messages:deterministic");
    expect(result.status).toBe("success");
    const value =
      result.status === "success" ? (result.value as { now: number; later: number }) : null;
    expect(value?.now).toBe(value?.later);
  });

  test("db.vars.commitTs resolves to the commit timestamp", async () => {
    const inserted = await call("messages:stampEvent");
    expect(inserted.status).toBe("success");
    const stamped = await call("messages:stamped", {
      id: (inserted as unknown as { value: string }).value,
    });
    expect(stamped.status === "success" && stamped.value).toEqual({ $integer: expect.any(String) });
    const ts = Buffer.from(
      (stamped as unknown as { value: { $integer: string } }).value.$integer,
      "base64",
    ).readBigInt64LE();
    expect(ts).toBe(inserted.ts);
  });

  test("queries cannot use fetch", async () => {
    const result = await call("messages:fetchInQuery");
    expect(result.status === "error" && result.errorMessage).toContain(
      "Can't use fetch() in queries and mutations",
    );
  });

  test("concurrent mutations get independent randomness", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => call("messages:newToken")));
    const tokens = results.map((r) => (r.status === "success" ? r.value : null));
    expect(tokens.every((t) => typeof t === "string" && /^[0-9a-f-]{36}$/.test(t))).toBe(true);
    expect(new Set(tokens).size).toBe(20);
  });

  test("environment variables reach process.env", async () => {
    await backend.environment.set([{ name: "GREETING", value: "hello" }]);
    expect(await call("messages:environment", { name: "GREETING" })).toMatchObject({
      status: "success",
      value: "hello",
    });
  });

  test("paginates with cursors", async () => {
    for (let i = 0; i < 5; i++)
      await call("messages:send", { channel: "p", author: "x", body: `m${i}` });
    const first = await call("messages:page", {
      channel: "p",
      paginationOpts: { numItems: 2, cursor: null },
    });
    expect(first.status).toBe("success");
    const page1 = (
      first as unknown as {
        value: { page: Array<{ body: string }>; continueCursor: string; isDone: boolean };
      }
    ).value;
    expect(page1.page.map((m) => m.body)).toEqual(["m0", "m1"]);
    expect(page1.isDone).toBe(false);
    const second = await call("messages:page", {
      channel: "p",
      paginationOpts: { numItems: 10, cursor: page1.continueCursor },
    });
    const page2 = (
      second as unknown as { value: { page: Array<{ body: string }>; isDone: boolean } }
    ).value;
    expect(page2.page.map((m) => m.body)).toEqual(["m2", "m3", "m4"]);
    expect(page2.isDone).toBe(true);
  });
});
