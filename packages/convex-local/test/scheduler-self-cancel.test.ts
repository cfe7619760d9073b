import { afterAll, beforeAll, expect, test } from "vitest";
import { Backend } from "../src/runtime/backend.ts";
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

const call = async (udfPath: string, args: Record<string, unknown> = {}) => {
  const outcome = await backend.call(null, {
    udfPath,
    args: args as never,
    identity: null,
    isAdmin: true,
  });
  if (outcome.status !== "success") throw new Error(outcome.errorMessage);
  return outcome.value;
};

test("a scheduled mutation that cancels its own job ends canceled", async () => {
  const id = (await call("jobs:scheduleSelfCanceling")) as string;
  let state: unknown = "pending";
  for (let i = 0; i < 200 && state === "pending"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    state = await call("jobs:jobState", { id });
  }
  expect(state).toBe("canceled");
});
