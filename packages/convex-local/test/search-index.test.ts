import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Backend } from "../src/runtime/backend.ts";
import { type Commit } from "../src/storage/store.ts";
import { fixtureDir, tempDir } from "./helpers.ts";

let backend: Backend;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  backend = new Backend({ dataDir: tmp.dir });
  await backend.deploy(fixtureDir("basic"));
});

afterAll(() => {
  backend.close();
  cleanup();
});

const call = (udfPath: string, args: Record<string, unknown> = {}) =>
  backend.call(null, { udfPath, args: args as never, identity: null, isAdmin: false });

async function valueOf(udfPath: string, args: Record<string, unknown> = {}): Promise<unknown> {
  const outcome = await call(udfPath, args);
  if (outcome.status !== "success") throw new Error(outcome.errorMessage);
  return outcome.value;
}

/** Runs a mutation and returns the commit it produced. */
async function committed(udfPath: string, args: Record<string, unknown>): Promise<Commit> {
  let seen: Commit | undefined;
  const stop = backend.store.onCommit((commit) => (seen ??= commit));
  await valueOf(udfPath, args);
  stop();
  return seen!;
}

const send = (channel: string, body: string) =>
  committed("messages:send", { channel, author: "a", body });

describe("text search index", () => {
  test("finds documents by term and by prefix of the last term, maintained on every write", async () => {
    await send("t1", "alpha beta");
    const gamma = await valueOf("messages:send", { channel: "t1", author: "a", body: "gamma" });
    await send("t1", "alphabet soup");
    expect(await valueOf("search:messages", { text: "alpha", channel: "t1" })).toEqual([
      "alpha beta",
      "alphabet soup",
    ]);
    // "alphabet soup" matches both terms ("alpha" as a prefix), so it ranks first.
    expect(await valueOf("search:messages", { text: "soup alpha" })).toEqual([
      "alphabet soup",
      "alpha beta",
    ]);
    await valueOf("messages:edit", { id: gamma, body: "alpha gamma" });
    expect(await valueOf("search:messages", { text: "gamma" })).toEqual(["alpha gamma"]);
    await valueOf("messages:remove", { id: gamma });
    expect(await valueOf("search:messages", { text: "gamma" })).toEqual([]);
  });

  test("a search's read set is its terms: unrelated writes do not invalidate it", async () => {
    await send("t2", "needle in a haystack");
    const outcome = await call("search:messages", { text: "needle", channel: "t2" });
    expect(outcome.status === "success" && outcome.value).toEqual(["needle in a haystack"]);
    const readSet = outcome.readSet!;
    expect(readSet.intersects((await send("t2", "only hay here")).writes)).toBe(false);
    expect(readSet.intersects((await send("t9", "another needle")).writes)).toBe(true);
    // The last query term also matches as a prefix.
    expect(readSet.intersects((await send("t3", "needlework")).writes)).toBe(true);
    const twoTerms = await call("search:messages", { text: "needle hay", channel: "t2" });
    expect(twoTerms.readSet!.intersects((await send("t3", "needlework")).writes)).toBe(false);
    expect(twoTerms.readSet!.intersects((await send("t3", "hayloft")).writes)).toBe(true);
  });

  test("a mutation's search sees its own uncommitted writes", async () => {
    expect(
      await valueOf("search:sendAndSearch", { channel: "t4", body: "fresh words", text: "fresh" }),
    ).toEqual(["fresh words"]);
  });

  test("documents written before the index existed are indexed when it is created", async () => {
    await send("t5", "backfilled text");
    const table = backend.store.catalog.table("", "messages")!;
    const index = backend.store.searchIndexes.find(table.number, "search_body")!;
    backend.store.syncSearchIndexes(table.number, []);
    expect(backend.store.searchIndexes.find(table.number, "search_body")).toBeUndefined();
    backend.store.syncSearchIndexes(table.number, [
      { indexDescriptor: "search_body", searchField: "body", filterFields: index.filterFields },
    ]);
    expect(await valueOf("search:messages", { text: "backfilled", channel: "t5" })).toEqual([
      "backfilled text",
    ]);
    const rebuilt = backend.store.searchIndexes.find(table.number, "search_body")!;
    expect(backend.store.searchIndexes.stats(rebuilt).documents).toBeGreaterThan(5);
  });

  test("a paginated search is done on the first page that comes up short, as in Convex", async () => {
    await send("paged", "pastor tacos");
    await send("paged", "pastor burrito");
    type Page = { page: Array<{ body: string }>; isDone: boolean; continueCursor: string };
    const pageAfter = async (cursor: string | null) =>
      (await valueOf("search:page", {
        text: "pastor",
        channel: "paged",
        paginationOpts: { numItems: 1, cursor },
      })) as Page;
    const first = await pageAfter(null);
    expect([first.page.length, first.isDone]).toEqual([1, false]);
    const second = await pageAfter(first.continueCursor);
    expect([second.page.length, second.isDone]).toEqual([1, false]);
    const third = await pageAfter(second.continueCursor);
    expect([third.page, third.isDone]).toEqual([[], true]);
  });
});
