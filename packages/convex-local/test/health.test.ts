import { afterAll, beforeAll, expect, test } from "vitest";

import { type Harness, startHarness } from "./server-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("basic");
});
afterAll(() => h.stop());

test("GET /health answers without a key, for supervisors and proxies", async () => {
  const response = await fetch(`${h.server.url}/health`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", version: "convex-local-0.0.0" });
});
