import { afterAll, describe, expect, test } from "vitest";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { Backend } from "../src/runtime/backend.ts";
import { startServer } from "../src/server/server.ts";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import { fixtureDir, tempDir } from "./helpers.ts";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("reconnect", () => {
  test("a client resubscribes after the server restarts and keeps receiving updates", async () => {
    const backend = new Backend({ dataDir: tmp.dir });
    await backend.deploy(fixtureDir("basic"));
    let server = await startServer({ backend, port: 0, sitePort: 0, instanceSecret: null });
    const port = Number(new URL(server.url).port);
    const client = new ConvexClient(server.url, { logger: false });
    try {
      const bodies: string[][] = [];
      let notify: (() => void) | null = null;
      client.onUpdate(api.messages.list, { channel: "rc" }, (rows) => {
        bodies.push(rows.map((r) => r.body));
        notify?.();
      });
      const until = (accept: (rows: string[]) => boolean) =>
        new Promise<void>((resolve) => {
          const check = () => {
            if (bodies.length > 0 && accept(bodies[bodies.length - 1]!)) resolve();
          };
          notify = check;
          check();
        });
      await until((rows) => rows.length === 0);
      await server.close();
      server = await startServer({ backend, port, sitePort: 0, instanceSecret: null });
      await new ConvexHttpClient(server.url, { logger: false }).mutation(api.messages.send, {
        channel: "rc",
        author: "a",
        body: "after restart",
      });
      await until((rows) => rows.includes("after restart"));
      await client.mutation(api.messages.send, {
        channel: "rc",
        author: "a",
        body: "from the reconnected client",
      });
      await until((rows) => rows.length === 2);
      expect(bodies[bodies.length - 1]).toEqual(["after restart", "from the reconnected client"]);
    } finally {
      await client.close();
      await server.close();
      backend.close();
    }
  }, 30_000);
});
