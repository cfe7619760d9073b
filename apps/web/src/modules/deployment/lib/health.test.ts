// @vitest-environment node
import { createServer, type Server } from "node:http";
import { type AddressInfo } from "node:net";

import { afterAll, beforeAll, expect, test } from "vitest";

import { readiness } from "../../../../../../scripts/lib/health.mjs";

// Stands in for a Convex deployment's query endpoint (the third-party boundary): answers
// health:ping with "ok" while `deployed`, as an empty deployment answers an unknown function.
let deployed = true;
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      const { path } = JSON.parse(body) as { path: string };
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify(
          deployed && path === "health:ping"
            ? { status: "success", value: "ok", logLines: [] }
            : { status: "error", errorMessage: `Could not find public function for '${path}'` },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

test("ready when the backend runs the deployed Echo functions", async () => {
  deployed = true;
  expect(await readiness("dashboard", url)).toEqual({
    status: 200,
    body: { status: "ok", service: "dashboard", checks: { backend: "ok" } },
  });
});

test("not ready while the backend has no Echo functions or does not answer", async () => {
  deployed = false;
  expect((await readiness("widget", url)).status).toBe(503);
  expect(await readiness("widget", "http://127.0.0.1:9")).toEqual({
    status: 503,
    body: { status: "unavailable", service: "widget", checks: { backend: "unreachable" } },
  });
});
