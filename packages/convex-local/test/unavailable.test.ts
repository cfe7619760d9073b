import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;
let http: ConvexHttpClient;

beforeAll(async () => {
  h = await startHarness("basic");
  http = new ConvexHttpClient(h.server.url, { logger: false });
});

afterAll(async () => {
  await h.stop();
});

const failUntilMessage = anyApi.unavailable!.failUntilMessage!;

describe("requests the deployment cannot serve now (Convex's OCC and Overloaded errors)", () => {
  test.each([
    [
      "throwOcc",
      "OptimisticConcurrencyControlFailure",
      "Documents read from or written to some table changed while this mutation was being run and on every subsequent retry. See https://docs.convex.dev/error#1",
    ],
    ["throwOverloaded", "Busy", "I'm a bit busy."],
  ])("%s answers an HTTP client 503 with Convex's code", async (failure, code, message) => {
    const response = await fetch(`${h.server.url}/api/mutation`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        path: "unavailable:failUntilMessage",
        args: { channel: `http-${failure}`, failure },
        format: "json",
      }),
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ code, message });
    await expect(
      http.mutation(failUntilMessage, { channel: `http-${failure}`, failure }),
    ).rejects.toThrow(code);
  });

  test.each(["throwOcc", "throwOverloaded"])(
    "%s makes a sync client reconnect and send the mutation again until it succeeds",
    async (failure) => {
      const client = new ConvexClient(h.server.url, { logger: false });
      try {
        const channel = `sync-${failure}`;
        const pending = client.mutation(failUntilMessage, { channel, failure });
        // Give the client time to be refused (and reconnect) at least once.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await http.mutation(api.messages.send, { channel, author: "a", body: "now it works" });
        expect(await pending).toBe("now it works");
      } finally {
        await client.close();
      }
    },
  );
});
