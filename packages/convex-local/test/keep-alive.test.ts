import { Agent, get } from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";

import { type Harness, startHarness } from "./server-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("basic");
});
afterAll(() => h.stop());

function version(agent: Agent): Promise<{ keepAlive?: string; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const request = get(`${h.server.url}/version`, { agent }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({
          keepAlive: String(response.headers["keep-alive"]),
          reused: request.reusedSocket,
        }),
      );
    });
    request.on("error", reject);
  });
}

test("a kept-alive connection stays open past the idle time it advertises", async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const first = await version(agent);
  const advertised = Number(/timeout=(\d+)/.exec(first.keepAlive ?? "")?.[1]);
  expect(advertised).toBeGreaterThan(0);
  // A client that sends just within the advertised time meets an open socket, even when the
  // server's event loop is a little late to read it.
  await new Promise((resolve) => setTimeout(resolve, advertised * 1000 + 1500));
  expect(await version(agent)).toMatchObject({ reused: true });
  agent.destroy();
}, 20_000);
