import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { api } from "./fixtures/components/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("components");
}, 60_000);

afterAll(async () => {
  await h.stop();
});

describe("components", () => {
  test("@convex-dev/rate-limiter runs unmodified", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.mutation(api.limits.attempt, { key: "k" })).toBe(true);
    expect(await client.mutation(api.limits.attempt, { key: "k" })).toBe(true);
    expect(await client.mutation(api.limits.attempt, { key: "k" })).toBe(false);
    expect(await client.mutation(api.limits.attempt, { key: "other" })).toBe(true);
  });

  test("a component's file URLs name the component and serve its file", async () => {
    const outcome = await h.backend.call(null, {
      udfPath: "files:storeText",
      args: {},
      identity: null,
      isAdmin: true,
      componentPath: "greeter",
    });
    const { url } = (outcome.status === "success" ? outcome.value : {}) as { url?: string };
    expect(new URL(url!).searchParams.get("component")).toBe("greeter");
    expect(await (await fetch(url!)).text()).toBe("from greeter");
  });

  test("@convex-dev/workpool runs enqueued mutations through the scheduler", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      await client.mutation(api.work.enqueue, { labels: ["a", "b", "c"] });
      const done = await new Promise<string[]>((resolve) => {
        const stop = client.onUpdate(api.work.doneLabels, {}, (labels) => {
          if (labels.length === 3) {
            stop();
            resolve(labels);
          }
        });
      });
      expect(done).toEqual(["a", "b", "c"]);
    } finally {
      await client.close();
    }
  }, 30_000);

  test("@convex-dev/action-retrier retries a failing action until it succeeds", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      const runId = await client.mutation(api.retry.start, { key: "flaky", failures: 2 });
      const status = await new Promise<unknown>((resolve) => {
        const stop = client.onUpdate(api.retry.status, { runId }, (value) => {
          if ((value as { type: string }).type === "completed") {
            stop();
            resolve(value);
          }
        });
      });
      expect(status).toEqual({
        type: "completed",
        result: { type: "success", returnValue: "succeeded on attempt 3" },
      });
    } finally {
      await client.close();
    }
  }, 30_000);

  test("a component sees only the env vars app.use passed it", async () => {
    await h.backend.environment.set([{ name: "APP_SECRET", value: "not for components" }]);
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.query(api.limits.greeting, {})).toEqual({
      greeting: "hello from the app",
      appSecret: null,
    });
  });

  test("a component's HTTP routes are mounted at its httpPrefix", async () => {
    const response = await fetch(`${h.server.siteUrl}/greeter/hello`);
    expect(await response.text()).toBe("hello from the greeter component");
  });

  test("component tables are separate from the app's", async () => {
    const appTables = h.backend.store.catalog.tables("").map((t) => t.name);
    expect(appTables).toContain("done");
    expect(appTables).not.toContain("rateLimits");
    expect(h.backend.store.catalog.tables("rateLimiter").map((t) => t.name)).toContain(
      "rateLimits",
    );
  });
});
