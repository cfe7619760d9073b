import { afterAll, beforeAll, expect, test } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { OCC_FAILURE, UnavailableError } from "../src/runtime/errors/errors.ts";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("basic");
});

afterAll(async () => {
  await h.stop();
});

test("a mutation whose read is overwritten on every retry fails as Convex's OCC failure, which clients are told to send again", async () => {
  const http = new ConvexHttpClient(h.server.url, { logger: false });
  const id = await http.mutation(api.messages.send, { channel: "c", author: "a", body: "first" });
  const { store } = h.backend;
  const table = store.catalog.table("", "messages")!;
  let attempts = 0;
  const run = h.backend.executor.transactions.runMutationTx(
    "",
    null,
    async (frame) => {
      attempts++;
      const read = frame.tx!.get(table.number, id)!;
      frame.tx!.write(table.number, id, { ...read, body: `edit ${attempts}` });
      // Another commit writes the same document before this one commits, on every attempt.
      const other = store.begin();
      other.write(table.number, id, { ...other.get(table.number, id)!, body: `other ${attempts}` });
      await store.commit(other).durable;
      return null;
    },
    null,
    "conflict-request",
    "messages:edit",
  );
  const failure = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(failure).toBeInstanceOf(UnavailableError);
  expect(failure).toMatchObject({
    code: OCC_FAILURE,
    message:
      "Documents read from or written to some table changed while this mutation was being run and on every subsequent retry. See https://docs.convex.dev/error#1",
  });
  // The first run and Convex's retries, each refused.
  expect(attempts).toBe(33);
  const stored = await http.query(api.messages.list, { channel: "c" });
  expect(stored.map((m: { body: string }) => m.body)).toEqual(["other 33"]);
});
