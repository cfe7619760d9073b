import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { ConvexError } from "convex/values";
import { api, internal } from "./fixtures/basic/convex/_generated/api.js";
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("basic");
});

afterAll(async () => {
  await h.stop();
});

function nextValue<T>(
  client: ConvexClient,
  query: unknown,
  args: Record<string, unknown>,
  accept: (v: T) => boolean,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const unsubscribe = client.onUpdate(
      query as never,
      args as never,
      (value: unknown) => {
        if (accept(value as T)) {
          unsubscribe();
          resolve(value as T);
        }
      },
      reject,
    );
  });
}

describe("ConvexHttpClient", () => {
  test("runs queries, mutations and actions", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const id = await client.mutation(api.messages.send, {
      channel: "http",
      author: "a",
      body: "hello",
    });
    expect(typeof id).toBe("string");
    expect(await client.query(api.messages.get, { id })).toMatchObject({ _id: id, body: "hello" });
    expect(await client.action(api.jobs.roundTrip, { channel: "http-action" })).toBe(1);
    expect(await client.consistentQuery(api.messages.list, { channel: "http" })).toHaveLength(1);
  });

  test("ConvexError data reaches the client", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const error = await client.mutation(api.messages.rejectWithData, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: string; limit: bigint }>).data).toEqual({
      code: "NOT_ALLOWED",
      limit: 3n,
    });
  });

  test("ConvexError data thrown by a mutation passes through an action", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const error = await client.action(api.jobs.relayError, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: string; limit: bigint }>).data).toEqual({
      code: "NOT_ALLOWED",
      limit: 3n,
    });
  });

  test("a failing mutation leaves nothing and reports the error", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await expect(client.mutation(api.messages.sendThenFail, { channel: "fail" })).rejects.toThrow(
      "failing on purpose",
    );
    expect(await client.query(api.messages.list, { channel: "fail" })).toEqual([]);
  });

  test("unknown and internal functions are not found without an admin key", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await expect(client.query("messages:nope" as never, {} as never)).rejects.toThrow(
      "Could not find public function",
    );
    await expect(client.query(internal.messages.secret as never, {} as never)).rejects.toThrow(
      "Could not find public function",
    );
    const admin = new ConvexHttpClient(h.server.url, { logger: false });
    (admin as unknown as { setAdminAuth(key: string): void }).setAdminAuth(h.adminKey);
    expect(await admin.query(internal.messages.secret as never, {} as never)).toBe("internal only");
  });

  test("an admin can act as a user", async () => {
    const admin = new ConvexHttpClient(h.server.url, { logger: false });
    (admin as unknown as { setAdminAuth(key: string, identity?: object): void }).setAdminAuth(
      h.adminKey,
      {
        subject: "acted-user",
        issuer: "https://issuer.test",
      },
    );
    expect(await admin.query(api.users.whoami, {})).toEqual({
      subject: "acted-user",
      issuer: "https://issuer.test",
      name: null,
    });
  });

  test('"use node" actions run with Node built-ins', async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.action(api.hashing.sha256, { text: "abc" })).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });

  test("functions see the deployment's URLs as CONVEX_CLOUD_URL and CONVEX_SITE_URL", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.query(api.messages.environment, { name: "CONVEX_CLOUD_URL" })).toBe(
      h.server.url,
    );
    expect(await client.query(api.messages.environment, { name: "CONVEX_SITE_URL" })).toBe(
      h.server.siteUrl,
    );
  });

  test("environment variables are set through the admin API", async () => {
    const response = await fetch(`${h.server.url}/api/update_environment_variables`, {
      method: "POST",
      headers: { Authorization: `Convex ${h.adminKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ changes: [{ name: "PLAN", value: "pro" }] }),
    });
    expect(response.status).toBe(200);
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.query(api.messages.environment, { name: "PLAN" })).toBe("pro");
    const admin = new ConvexHttpClient(h.server.url, { logger: false });
    (admin as unknown as { setAdminAuth(key: string): void }).setAdminAuth(h.adminKey);
    expect(
      await admin.query(
        "_system/cli/queryEnvironmentVariables:get" as never,
        { name: "PLAN" } as never,
      ),
    ).toEqual({ name: "PLAN", value: "pro" });
    expect(
      await admin.query("_system/cli/queryEnvironmentVariables" as never, {} as never),
    ).toContainEqual({ name: "PLAN", value: "pro" });
    await expect(
      client.query("_system/cli/queryEnvironmentVariables" as never, {} as never),
    ).rejects.toThrow("Could not find public function");
  });
});

describe("ConvexClient over the sync protocol", () => {
  test("a subscription updates after a mutation and the mutation resolves", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      expect(
        await nextValue<unknown[]>(client, api.messages.list, { channel: "live" }, () => true),
      ).toEqual([]);
      const updated = nextValue<Array<{ body: string }>>(
        client,
        api.messages.list,
        { channel: "live" },
        (v) => v.length === 1,
      );
      await client.mutation(api.messages.send, { channel: "live", author: "b", body: "pushed" });
      expect((await updated)[0]!.body).toBe("pushed");
    } finally {
      await client.close();
    }
  });

  test("ConvexError data reaches the sync client", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      const error = await client.mutation(api.messages.rejectWithData, {}).catch((e: unknown) => e);
      expect((error as ConvexError<{ code: string; limit: bigint }>).data).toEqual({
        code: "NOT_ALLOWED",
        limit: 3n,
      });
    } finally {
      await client.close();
    }
  });

  test("concurrent increments from several clients all commit", async () => {
    const clients = Array.from(
      { length: 4 },
      () => new ConvexClient(h.server.url, { logger: false }),
    );
    try {
      await Promise.all(
        clients.flatMap((c) =>
          Array.from({ length: 5 }, () => c.mutation(api.counters.increment, { name: "ws" })),
        ),
      );
      expect(await clients[0]!.query(api.counters.get, { name: "ws" })).toBe(20);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
  });

  test("a result too large for one frame arrives in transition chunks", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      const value = await nextValue<string>(
        client,
        api.messages.bigResult,
        { size: 2_000_000 },
        () => true,
      );
      expect(value.length).toBe(2_000_000);
    } finally {
      await client.close();
    }
  });

  test("actions run over the socket", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      expect(await client.action(api.jobs.roundTrip, { channel: "ws-action" })).toBe(1);
    } finally {
      await client.close();
    }
  });
});

describe("paginated subscriptions", () => {
  type Page = {
    results: Array<{ body: string }>;
    status: string;
    loadMore: (n: number) => boolean;
  };

  test("pages load more, stay gapless and grow with new documents", async () => {
    const http = new ConvexHttpClient(h.server.url, { logger: false });
    for (const body of ["p1", "p2", "p3"])
      await http.mutation(api.messages.send, { channel: "pg", author: "a", body });
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      let latest: Page | null = null;
      const waiters: Array<{ accept: (p: Page) => boolean; resolve: (p: Page) => void }> = [];
      client.onPaginatedUpdate_experimental(
        api.messages.page,
        { channel: "pg" } as never,
        { initialNumItems: 2 },
        (result) => {
          latest = result as unknown as Page;
          for (const w of waiters.splice(0)) {
            if (w.accept(latest)) w.resolve(latest);
            else waiters.push(w);
          }
        },
      );
      const until = (accept: (p: Page) => boolean) =>
        new Promise<Page>((resolve) =>
          latest && accept(latest) ? resolve(latest) : waiters.push({ accept, resolve }),
        );
      const first = await until((p) => p.status === "CanLoadMore");
      expect(first.results.map((m) => m.body)).toEqual(["p1", "p2"]);
      first.loadMore(5);
      const all = await until((p) => p.status === "Exhausted");
      expect(all.results.map((m) => m.body)).toEqual(["p1", "p2", "p3"]);
      await http.mutation(api.messages.send, { channel: "pg", author: "a", body: "p4" });
      const grown = await until((p) => p.results.length === 4);
      expect(grown.results.map((m) => m.body)).toEqual(["p1", "p2", "p3", "p4"]);
    } finally {
      await client.close();
    }
  });
});

describe("ConvexReactClient", () => {
  test("watchQuery sees an optimistic update, then the committed document", async () => {
    const { ConvexReactClient } = await import("convex/react");
    const client = new ConvexReactClient(h.server.url, {
      logger: false,
      unsavedChangesWarning: false,
    });
    try {
      const watch = client.watchQuery(api.messages.list, { channel: "react" });
      const seen: string[][] = [];
      const settled = new Promise<void>((resolve) => {
        watch.onUpdate(() => {
          const rows = watch.localQueryResult();
          if (!rows) return;
          seen.push(rows.map((r) => `${r.body}:${r._id === "optimistic" ? "local" : "server"}`));
          if (rows.length === 1 && rows[0]!._id !== "optimistic") resolve();
        });
      });
      await new Promise<void>((resolve) => {
        const stop = watch.onUpdate(() => {
          if (watch.localQueryResult() !== undefined) {
            stop();
            resolve();
          }
        });
      });
      await client.mutation(
        api.messages.send,
        { channel: "react", author: "r", body: "hi" },
        {
          optimisticUpdate: (store, args) => {
            const current = store.getQuery(api.messages.list, { channel: "react" }) ?? [];
            store.setQuery(api.messages.list, { channel: "react" }, [
              ...current,
              { ...args, _id: "optimistic" as never, _creationTime: 0 },
            ]);
          },
        },
      );
      await settled;
      expect(seen).toContainEqual(["hi:local"]);
      expect(seen[seen.length - 1]).toEqual(["hi:server"]);
    } finally {
      await client.close();
    }
  });
});

describe("page splitting", () => {
  type Page = { results: Array<{ body: string }>; status: string };

  test("a first page that grows past twice its size is split and stays complete", async () => {
    const http = new ConvexHttpClient(h.server.url, { logger: false });
    for (const body of ["n1", "n2"])
      await http.mutation(api.messages.send, { channel: "split", author: "a", body });
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      let latest: Page | null = null;
      let notify = () => {};
      client.onPaginatedUpdate_experimental(
        api.messages.pageNewest,
        { channel: "split" } as never,
        { initialNumItems: 2 },
        (result) => {
          latest = result as unknown as Page;
          notify();
        },
      );
      const until = (accept: (p: Page) => boolean) =>
        new Promise<Page>((resolve) => {
          notify = () => latest && accept(latest) && resolve(latest);
          notify();
        });
      await until((p) => p.results.length === 2);
      for (const body of ["n3", "n4", "n5", "n6"])
        await http.mutation(api.messages.send, { channel: "split", author: "a", body });
      const grown = await until((p) => p.results.length === 6);
      expect(grown.results.map((m) => m.body)).toEqual(["n6", "n5", "n4", "n3", "n2", "n1"]);
    } finally {
      await client.close();
    }
  });
});
