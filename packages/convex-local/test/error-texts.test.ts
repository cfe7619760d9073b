import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("basic");
});

afterAll(async () => {
  await h.stop();
});

describe("error texts as Convex shows them", () => {
  test("an unknown function, to a public caller and to an admin", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await expect(client.query(anyApi.messages!.nope!, {})).rejects.toThrow(
      /Server Error\nCould not find public function for 'messages:nope'\.$/,
    );
    const admin = new ConvexHttpClient(h.server.url, { logger: false });
    // `setAdminAuth` is the client's internal method the CLI and dashboard use.
    (admin as unknown as { setAdminAuth(key: string): void }).setAdminAuth(h.adminKey);
    await expect(admin.query(anyApi.messages!.nope!, {})).rejects.toThrow(
      /Server Error\nCould not find function for 'messages:nope'\. Did you forget to run `npx convex dev`\?$/,
    );
  });

  test("console.time, timeLog and timeEnd lines", async () => {
    const response = await fetch(`${h.server.url}/api/query`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ path: "consoleTimers:timed", args: {}, format: "json" }),
    });
    const { logLines } = (await response.json()) as { logLines: string[] };
    expect(logLines.map((line) => line.replace(/\d+ms/, "Nms"))).toEqual([
      "[INFO] t: Nms midway 1",
      "[INFO] t: Nms",
      "[WARN] Timer 't' does not exist",
      "[WARN] Timer 'default' already exists",
      "[INFO] default: Nms",
    ]);
  });
});
