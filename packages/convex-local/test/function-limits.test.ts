import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;
let client: ConvexHttpClient;

beforeAll(async () => {
  // Moving 16 MiB through JSON takes more than Convex's 1 s on a loaded 2-core machine; these
  // tests are about sizes (test/execution-time.test.ts is about time).
  h = await startHarness("basic", { functionTimeoutMs: 30_000 });
  client = new ConvexHttpClient(h.server.url, { logger: false });
});

afterAll(async () => {
  await h.stop();
});

const LIMIT = 16 * 1024 * 1024;

describe("Convex's 16 MiB limits on a function's arguments and return value", () => {
  // `[{ payload: "…" }]` measures 2 (array) + 2 (object) + 8 ("payload" and its tag) + 2 + length.
  const payloadAt = (size: number) => "x".repeat(size - 14);

  test("arguments of exactly 16 MiB run; one byte more fails with Convex's text", async () => {
    expect(await client.query(anyApi.limits!.takesPayload!, { payload: payloadAt(LIMIT) })).toBe(
      LIMIT - 14,
    );
    await expect(
      client.query(anyApi.limits!.takesPayload!, { payload: payloadAt(LIMIT + 1) }),
    ).rejects.toThrow(
      /Server Error\nArguments for limits\.js:takesPayload are too large \(actual: 16\.00 MiB, limit: 16 MiB\)$/,
    );
  }, 60_000);

  test("a return value of exactly 16 MiB is answered; one byte more fails with Convex's text", async () => {
    // A string measures 2 + its UTF-8 length.
    expect(
      ((await client.query(anyApi.limits!.returnsText!, { length: LIMIT - 2 })) as string).length,
    ).toBe(LIMIT - 2);
    await expect(client.query(anyApi.limits!.returnsText!, { length: LIMIT - 1 })).rejects.toThrow(
      /Server Error\nFunction limits\.js:returnsText return value is too large \(actual: 16\.00 MiB, limit: 16 MiB\)$/,
    );
  }, 60_000);

  test("values nest 64 levels at most, arguments (as Convex's args array) and results alike", async () => {
    const nested = (depth: number): unknown => (depth === 0 ? 0 : [nested(depth - 1)]);
    // `[{ value: X }]` is two levels more than X.
    expect(await client.query(anyApi.limits!.takesAny!, { value: nested(62) })).toBe("taken");
    await expect(client.query(anyApi.limits!.takesAny!, { value: nested(63) })).rejects.toThrow(
      /Server Error\nValue is too nested \(nested 65 levels deep > maximum nesting 64\)$/,
    );
    expect(await client.query(anyApi.limits!.returnsNested!, { depth: 64 })).toEqual(nested(64));
    await expect(client.query(anyApi.limits!.returnsNested!, { depth: 65 })).rejects.toThrow(
      /Server Error\nValue is too nested \(nested 65 levels deep > maximum nesting 64\)$/,
    );
  });
});
