import { convexTest } from "convex-test";
import { expect, test } from "vitest";

import { api } from "./_generated/api";
import schema from "./schema";

const modules = import.meta.glob("./**/*.ts");

test("health.ping answers ok", async () => {
  const t = convexTest(schema, modules);
  expect(await t.query(api.health.ping, {})).toBe("ok");
});

test("GET /health on the site answers ok once the functions are deployed", async () => {
  const t = convexTest(schema, modules);
  const response = await t.fetch("/health");
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.json()).toEqual({ status: "ok" });
});
