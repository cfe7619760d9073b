import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { ConvexError } from "convex/values";
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
    expect(await logLinesOf("query", "consoleTimers:timed")).toEqual([
      "[INFO] t: Nms midway 1",
      "[INFO] t: Nms",
      "[WARN] Timer 't' does not exist",
      "[WARN] Timer 'default' already exists",
      "[INFO] default: Nms",
    ]);
  });

  test("console lines of a Node action inspect each argument, as Convex's Node executor does", async () => {
    expect(await logLinesOf("action", "nodeActions:logs")).toEqual([
      "[LOG] 'plain' 1 { a: 1 }",
      "[INFO] 't: Nms' 'midway'",
    ]);
  });
});

/** The log lines of one call through the HTTP API, with timer figures made stable. */
async function logLinesOf(kind: "query" | "action", path: string): Promise<string[]> {
  const response = await fetch(`${h.server.url}/api/${kind}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ path, args: {}, format: "json" }),
  });
  const { logLines } = (await response.json()) as { logLines: string[] };
  return logLines.map((line) => line.replace(/\d+ms/, "Nms"));
}

/** A client error's text with the request id and line/column figures made stable. */
function shown(error: unknown): string {
  return String((error as Error).message)
    .replace(/\[Request ID: [0-9a-f]{16}\]/, "[Request ID: R]")
    .trim();
}

describe("errors thrown by functions, as Convex shows them", () => {
  test("a thrown error names the user's file and line, without engine frames", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const error = await client.query(anyApi.errors!.throwsError!, {}).catch((e: unknown) => e);
    expect(shown(error)).toBe(
      "[Request ID: R] Server Error\nUncaught Error: plain failure\n    at <anonymous> (../convex/errors.ts:10:9)",
    );
  });

  test("a ConvexError subclass keeps its name and data", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const error = await client.query(anyApi.errors!.throwsSubclass!, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: bigint }>).data.code).toBe(7n);
    expect(shown(error)).toBe(
      '[Request ID: R] Server Error\nUncaught QuotaError: {"message":"over quota","code":"7n"}\n    at <anonymous> (../convex/errors.ts:18:9)',
    );
  });

  test("ctx.runQuery nests the inner error, frames and all, in the caller's", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const nested = await client
      .query(anyApi.errors!.queryCallingThrowingQuery!, {})
      .catch((e: unknown) => e);
    expect(nested).toBeInstanceOf(ConvexError);
    expect((nested as ConvexError<string>).data).toBe("Boom boom bop");
    expect(shown(nested)).toBe(
      "[Request ID: R] Server Error\nUncaught ConvexError: Uncaught ConvexError: Boom boom bop\n    at <anonymous> (../convex/errors.ts:14:9)\n\n    at async <anonymous> (../convex/errors.ts:22:10)",
    );
    const fromAction = await client
      .action(anyApi.errors!.actionCallingSubclassQuery!, {})
      .catch((e: unknown) => e);
    expect(shown(fromAction)).toBe(
      '[Request ID: R] Server Error\nUncaught ConvexError: Uncaught QuotaError: {"message":"over quota","code":"7n"}\n    at <anonymous> (../convex/errors.ts:18:9)\n\n    at async <anonymous> (../convex/errors.ts:26:10)',
    );
  });

  test("a query on a staged index reads Convex's text", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const error = await client.query(anyApi.errors!.readsStagedIndex!, {}).catch((e: unknown) => e);
    expect(shown(error)).toMatch(
      /^\[Request ID: R\] Server Error\nUncaught Error: Index messages\.by_author is currently staged and not available to query until it is enabled\.\n {4}at <anonymous> \(\.\.\/convex\/errors\.ts:37:6\)$/,
    );
  });

  test("a stack function code reads names its modules as Convex does (convex:/user/…)", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const stack = await client.action(anyApi.nodeActions!.stackTrace!, {});
    expect(stack).toMatch(
      /^Error: where\n {4}at inner \(convex:\/user\/nodeActions\.js:\d+:\d+\)\n {4}at outer \(convex:\/user\/nodeActions\.js:\d+:\d+\)\n/,
    );
  });

  test("a vector search on a staged vector index reads Convex's text", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const error = await client
      .action(anyApi.errors!.searchesStagedVectorIndex!, {})
      .catch((e: unknown) => e);
    expect(shown(error)).toMatch(
      /^\[Request ID: R\] Server Error\nUncaught Error: Index documents\.by_embedding_staged is currently staged and not available to query until it is enabled\./,
    );
  });

  test("an HTTP action's server error carries Convex's code, data and trace", async () => {
    const response = await fetch(`${h.server.siteUrl}/fail`);
    expect(response.status).toBe(500);
    const body = (await response.json()) as Record<string, string>;
    expect(body.code).toMatch(
      /^\[Request ID: [0-9a-f]{16}\] Server Error: Uncaught ConvexError: Hello world!$/,
    );
    expect(body.data).toBe("Hello world!");
    expect(body.trace).toBe(
      "Uncaught ConvexError: Hello world!\n    at <anonymous> (../convex/http.ts:48:11)\n",
    );
  });
});
