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

const MiB = 1024 * 1024;
const limits = anyApi.limits!;

describe("Convex's per-transaction limits", () => {
  test("writing exactly 16 MiB commits, one byte more fails; reading them back is the read limit", async () => {
    const overhead = (await client.mutation(limits.payloadOverhead!, {})) as number;
    // Fifteen 1 MiB documents and two of half a MiB: 16 MiB, or 16 MiB + 1 with one byte more.
    const lengths = (lastExtra: number) => [
      ...Array.from({ length: 15 }, () => MiB - overhead),
      MiB / 2 - overhead,
      MiB / 2 - overhead + lastExtra,
    ];
    await expect(client.mutation(limits.writePayloads!, { lengths: lengths(1) })).rejects.toThrow(
      /Too many bytes written in a single function execution \(limit: 16 MiB\)\n {4}at async handler \(\.\.\/convex\/limits\.ts:\d+:\d+\)\n$/,
    );
    expect(await client.query(limits.countPayloads!, {})).toBe(0);
    await client.mutation(limits.writePayloads!, { lengths: lengths(0) });
    expect(await client.query(limits.countPayloads!, {})).toBe(17);

    await client.mutation(limits.writePayloads!, { lengths: [0] });
    await expect(client.query(limits.countPayloads!, {})).rejects.toThrow(
      "Too many bytes read in a single function execution (limit: 16777216 bytes). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.",
    );
  }, 120_000);

  test("a function may read 4,096 index ranges; the next one fails with Convex's text", async () => {
    expect(await client.query(limits.readRanges!, { count: 4096 })).toBe(4096);
    await expect(client.query(limits.readRanges!, { count: 4097 })).rejects.toThrow(
      "Too many reads in a single function execution (limit: 4096). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.",
    );
  }, 60_000);

  test("every write counts toward the 16,000, not only distinct documents", async () => {
    await client.mutation(limits.writeOneDocumentRepeatedly!, { writes: 16_000 });
    await expect(
      client.mutation(limits.writeOneDocumentRepeatedly!, { writes: 16_001 }),
    ).rejects.toThrow(
      /Server Error\nUncaught Error: Too many writes in a single function execution \(limit: 16000\)\n/,
    );
  }, 120_000);

  test("a text search answers at most 1,024 results, as Convex's", async () => {
    await client.mutation(limits.addNeedles!, { count: 1024 });
    expect(await client.query(limits.countNeedles!, {})).toBe(1024);
    await client.mutation(limits.addNeedles!, { count: 1 });
    expect(await client.query(limits.countNeedles!, {})).toBe(1024);
  }, 60_000);
});
