import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";
import { encodeTs } from "../src/server/timestamps.ts";
import { Backend } from "../src/runtime/backend.ts";
import { startServer, type RunningServer } from "../src/server/server.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

let h: Harness;
let noWindow: { backend: Backend; server: RunningServer; cleanup: () => void };

beforeAll(async () => {
  h = await startHarness("basic");
  // A deployment whose timestamps stop being readable as soon as a later commit exists.
  const tmp = tempDir();
  const backend = new Backend({ dataDir: tmp.dir, snapshotWindowMs: 0 });
  await backend.deploy(fixtureDir("basic"));
  const server = await startServer({ backend, port: 0, sitePort: 0, instanceSecret: null });
  noWindow = { backend, server, cleanup: tmp.cleanup };
});

afterAll(async () => {
  await h.stop();
  await noWindow.server.close();
  noWindow.backend.close();
  noWindow.cleanup();
});

async function post(url: string, path: string, body: unknown) {
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function queryTs(url: string): Promise<string> {
  return (await post(url, "/api/query_ts", {})).json.ts as string;
}

describe("/api/query_at_ts", () => {
  test("consistentQuery keeps reading the snapshot of its first timestamp", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const send = (body: string) =>
      client.mutation(api.messages.send, { channel: "snap", author: "a", body });
    const first = await send("one");
    expect(await client.consistentQuery(api.messages.list, { channel: "snap" })).toHaveLength(1);
    await send("two");
    await client.mutation(api.messages.edit, { id: first, body: "edited" });
    // The same client reuses its timestamp: later inserts and edits are invisible to it.
    const snapshot = await client.consistentQuery(api.messages.list, { channel: "snap" });
    expect(snapshot.map((m) => m.body)).toEqual(["one"]);
    expect(await client.consistentQuery(api.messages.get, { id: first })).toMatchObject({
      body: "one",
    });
    const latest = await client.query(api.messages.list, { channel: "snap" });
    expect(latest.map((m) => m.body)).toEqual(["edited", "two"]);
  });

  test("a deleted document is still there at an earlier timestamp", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const id = await client.mutation(api.messages.send, {
      channel: "gone",
      author: "a",
      body: "x",
    });
    const ts = await queryTs(h.server.url);
    await client.mutation(api.messages.remove, { id });
    const at = await post(h.server.url, "/api/query_at_ts", {
      path: "messages:list",
      args: { channel: "gone" },
      ts,
    });
    expect(at.status).toBe(200);
    expect(at.json).toMatchObject({ status: "success", value: [{ _id: id, body: "x" }] });
    expect(await client.query(api.messages.list, { channel: "gone" })).toEqual([]);
  });

  test("a timestamp older than the snapshot window gets Convex's OutOfRetention answer", async () => {
    const client = new ConvexHttpClient(noWindow.server.url, { logger: false });
    const ts = await queryTs(noWindow.server.url);
    await client.mutation(api.messages.send, { channel: "old", author: "a", body: "1" });
    await client.mutation(api.messages.send, { channel: "old", author: "a", body: "2" });
    const at = await post(noWindow.server.url, "/api/query_at_ts", {
      path: "messages:list",
      args: { channel: "old" },
      ts,
    });
    expect(at).toEqual({
      status: 503,
      json: {
        code: "InternalServerError",
        message: "Your request couldn't be completed. Try again later.",
      },
    });
    // The latest timestamp stays readable however small the window.
    const latest = await post(noWindow.server.url, "/api/query_at_ts", {
      path: "messages:list",
      args: { channel: "old" },
      ts: await queryTs(noWindow.server.url),
    });
    expect(latest.json).toMatchObject({ status: "success", value: [{ body: "1" }, { body: "2" }] });
  });

  test("a missing, malformed or future timestamp is a 400 with a clear message", async () => {
    const request = (ts: unknown) =>
      post(h.server.url, "/api/query_at_ts", { path: "messages:list", args: { channel: "x" }, ts });
    expect(await request(undefined)).toEqual({
      status: 400,
      json: { code: "InvalidTimestamp", message: "The request body must have a string `ts`." },
    });
    expect((await request("abc")).json).toMatchObject({
      code: "InvalidTimestamp",
      message: expect.stringContaining("base64 of 8 bytes"),
    });
    const future = h.backend.store.latestTs() + 60_000_000_000n;
    expect((await request(encodeTs(future))).json).toMatchObject({
      code: "InvalidTimestamp",
      message: expect.stringContaining("more recent than the latest timestamp"),
    });
  });

  test("only queries run at a timestamp", async () => {
    const at = await post(h.server.url, "/api/query_at_ts", {
      path: "messages:send",
      args: { channel: "m", author: "a", body: "b" },
      ts: await queryTs(h.server.url),
    });
    expect(at.json).toMatchObject({ status: "error" });
    expect(
      await new ConvexHttpClient(h.server.url).query(api.messages.list, { channel: "m" }),
    ).toEqual([]);
  });
});
