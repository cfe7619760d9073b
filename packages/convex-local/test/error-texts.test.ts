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
});
