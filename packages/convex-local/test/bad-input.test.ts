import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import WebSocket from "ws";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  // 33,000 documents go through each function here; on a loaded 2-core machine that takes more
  // than Convex's 1 s of function time, and these tests are about the other limits.
  h = await startHarness("basic", { functionTimeoutMs: 30_000 });
});

afterAll(async () => {
  await h.stop();
});

async function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${h.server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  return { status: response.status, json: await response.json() };
}

describe("bad input", () => {
  test("malformed request bodies and formats get 400 with a code", async () => {
    expect(await post("/api/query", "{oops")).toEqual({
      status: 400,
      json: { code: "BadJsonBody", message: expect.any(String) },
    });
    expect(
      (
        await post(
          "/api/query",
          JSON.stringify({ path: "messages:list", args: {}, format: "bogus" }),
        )
      ).json,
    ).toMatchObject({ code: "BadFormat" });
    expect((await post("/api/query", JSON.stringify({ args: {} }))).json).toMatchObject({
      code: "MissingPath",
    });
    expect((await post("/api/run/onlyone", JSON.stringify({ args: {} }))).json).toMatchObject({
      code: "MissingIdentifier",
    });
  });

  test("a request body over 20 MiB gets 413", async () => {
    const body = JSON.stringify({ path: "messages:list", args: { channel: "x".repeat(21 << 20) } });
    expect(await post("/api/query", body)).toEqual({
      status: 413,
      json: { code: "RequestTooLarge", message: "Request body is larger than 20971520 bytes." },
    });
  });

  test("an invalid admin key is refused", async () => {
    const response = await fetch(`${h.server.url}/api/query`, {
      method: "POST",
      headers: {
        Authorization: "Convex convex-local-test|not-a-key",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ path: "messages:list", args: { channel: "x" } }),
    });
    expect(response.status).toBe(401);
  });

  test("documents over 1 MiB are rejected and nothing is written", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await expect(
      client.mutation(api.messages.send, {
        channel: "big",
        author: "a",
        body: "x".repeat(1024 * 1024 + 10),
      }),
    ).rejects.toThrow();
    expect(await client.query(api.messages.list, { channel: "big" })).toEqual([]);
  });

  test("values nested deeper than 16 levels are rejected", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    let deep: unknown = "leaf";
    for (let i = 0; i < 20; i++) deep = { inner: deep };
    await expect(client.mutation(api.messages.storePayload, { payload: deep })).rejects.toThrow(
      /nest/i,
    );
  });

  test("a transaction may not write more than 16,000 or read more than 32,000 documents", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await expect(client.mutation(api.messages.bulkInsert, { count: 16_001 })).rejects.toThrow(
      "Too many writes in a single function execution (limit: 16000)",
    );
    for (let i = 0; i < 3; i++) await client.mutation(api.messages.bulkInsert, { count: 11_000 });
    await expect(client.query(api.messages.countBulk, {})).rejects.toThrow(
      "Too many documents read",
    );
  }, 120_000);

  test("the clean JSON format encodes int64 as a string", async () => {
    const { json } = await post(
      "/api/mutation",
      JSON.stringify({ path: "messages:rejectWithData", args: {}, format: "json" }),
    );
    expect(json).toMatchObject({ status: "error", errorData: { code: "NOT_ALLOWED", limit: "3" } });
  });

  test("a query-set version mismatch is a fatal protocol error", async () => {
    const ws = new WebSocket(`${h.server.url.replace("http", "ws")}/api/1.49.0/sync`);
    await new Promise((resolve) => ws.on("open", resolve));
    const fatal = new Promise<Record<string, unknown>>((resolve) =>
      ws.on("message", (data) => {
        const m = JSON.parse(String(data)) as Record<string, unknown>;
        if (m.type === "FatalError") resolve(m);
      }),
    );
    ws.send(
      JSON.stringify({
        type: "Connect",
        sessionId: crypto.randomUUID(),
        connectionCount: 0,
        lastCloseReason: "InitialConnect",
        clientTs: 0,
      }),
    );
    ws.send(
      JSON.stringify({ type: "ModifyQuerySet", baseVersion: 3, newVersion: 4, modifications: [] }),
    );
    expect((await fatal).error).toContain("BaseVersionMismatch");
    ws.close();
  });
});
