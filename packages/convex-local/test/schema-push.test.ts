import { afterAll, beforeAll, expect, test } from "vitest";
import { Backend } from "../src/runtime/backend.ts";
import { insertSystem } from "../src/runtime/syscalls/db-syscalls.ts";
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

test("a push reads again only the tables whose validator changed", async () => {
  // A document the enforced schema would refuse, written around validation: reading it would fail the push.
  await backend.executor.systemMutation("", (frame) =>
    insertSystem(frame, "counters", { name: 1 }),
  );
  await expect(backend.deploy(fixtureDir("basic"))).resolves.toBeUndefined();
});
