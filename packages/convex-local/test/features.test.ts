import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { importJWK, SignJWT } from "jose";
import WebSocket from "ws";
import { api } from "./fixtures/basic/convex/_generated/api.js";
import signingKey from "./fixtures/basic/test-signing-key.json" with { type: "json" };
import { startHarness, type Harness } from "./server-harness.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("basic");
});

afterAll(async () => {
  await h.stop();
});

async function token(
  subject: string,
  overrides: { issuer?: string; expiresIn?: string } = {},
): Promise<string> {
  const key = await importJWK(signingKey, "ES256");
  return await new SignJWT({ name: "Test User" })
    .setProtectedHeader({ alg: "ES256", kid: signingKey.kid })
    .setSubject(subject)
    .setIssuer(overrides.issuer ?? "https://issuer.test")
    .setAudience("convex-local-tests")
    .setIssuedAt()
    .setExpirationTime(overrides.expiresIn ?? "10m")
    .sign(key);
}

describe("HTTP actions", () => {
  test("are routed by http.ts on the site port and under /http", async () => {
    const response = await fetch(`${h.server.siteUrl}/echo`, { method: "POST", body: "ping" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-echo")).toBe("yes");
    expect(await response.json()).toMatchObject({ body: "ping" });
    const viaApi = await fetch(`${h.server.url}/http/echo`, { method: "POST", body: "pong" });
    expect(await viaApi.json()).toMatchObject({ body: "pong" });
  });

  test("prefix routes run queries", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await client.mutation(api.messages.send, { channel: "site", author: "a", body: "from site" });
    const response = await fetch(`${h.server.siteUrl}/channels/site`);
    expect(await response.json()).toEqual(["from site"]);
  });

  test("ctx.auth.getUserIdentity() throws for a refused Authorization header, the action still runs", async () => {
    const whoami = async (authorization?: string) => {
      const response = await fetch(`${h.server.siteUrl}/whoami`, {
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { identity: unknown; authorization: string | null };
    };
    expect(await whoami()).toEqual({ identity: null, authorization: null });
    expect(await whoami(`Bearer ${await token("http-user")}`)).toMatchObject({
      identity: "http-user",
    });
    expect(await whoami("Bearer helloworld")).toEqual({
      identity: "error",
      authorization: "Bearer helloworld",
    });
    expect(await whoami("a")).toEqual({ identity: "error", authorization: "a" });
  });

  test("unknown routes get 404", async () => {
    const response = await fetch(`${h.server.siteUrl}/nowhere`);
    expect(response.status).toBe(404);
  });
});

describe("file storage", () => {
  test("upload URL, serving, metadata and delete", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const uploadUrl = await client.mutation(api.files.uploadUrl, {});
    const upload = await fetch(uploadUrl, {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "hello file",
    });
    expect(upload.status).toBe(200);
    const { storageId } = (await upload.json()) as { storageId: string };
    expect(await client.query(api.files.metadata, { id: storageId as never })).toEqual({
      size: 10,
      contentType: "text/plain",
    });
    const url = await client.query(api.files.url, { id: storageId as never });
    const served = await fetch(url!);
    expect(served.headers.get("content-type")).toBe("text/plain");
    expect(await served.text()).toBe("hello file");
    const partial = await fetch(url!, { headers: { Range: "bytes=0-4" } });
    expect(partial.status).toBe(206);
    expect(await partial.text()).toBe("hello");
    await client.mutation(api.files.remove, { id: storageId as never });
    expect(await client.query(api.files.url, { id: storageId as never })).toBeNull();
    expect(h.backend.files.readBytes(storageId)).toBeNull();
    expect((await fetch(url!)).status).toBe(404);
  });

  test("actions store and read blobs", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const id = await client.action(api.files.storeText, { text: "from an action" });
    expect(await client.action(api.files.readText, { id })).toBe("from an action");
  });

  test("forged upload tokens are rejected as StorageTokenInvalid", async () => {
    for (const token of ["abc.def", "coffee"]) {
      const response = await fetch(`${h.server.url}/api/storage/upload?token=${token}`, {
        method: "POST",
        body: "x",
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { code: string }).code).toBe("StorageTokenInvalid");
    }
  });
});

describe("auth", () => {
  test("a valid JWT from an auth.config provider becomes the user identity", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.query(api.users.whoami, {})).toBeNull();
    client.setAuth(await token("user-1"));
    expect(await client.query(api.users.whoami, {})).toEqual({
      subject: "user-1",
      issuer: "https://issuer.test",
      name: "Test User",
    });
  });

  test("tokens from another issuer or expired are refused", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    client.setAuth(await token("user-2", { issuer: "https://elsewhere.test" }));
    await expect(client.query(api.users.whoami, {})).rejects.toThrow(/"code":"NoAuthProvider"/);
    client.setAuth("not.a.jwt");
    await expect(client.query(api.users.whoami, {})).rejects.toThrow(/"code":"InvalidAuthHeader"/);
    client.setAuth(await token("user-2", { expiresIn: "-1m" }));
    await expect(client.query(api.users.whoami, {})).rejects.toThrow();
  });

  test("providers that read env vars follow env var changes", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    client.setAuth(await token("extra-user", { issuer: "https://extra.test" }));
    await expect(client.query(api.users.whoami, {})).rejects.toThrow();
    await h.backend.environment.set([{ name: "EXTRA_ISSUER", value: "https://extra.test" }]);
    expect(await client.query(api.users.whoami, {})).toMatchObject({
      subject: "extra-user",
      issuer: "https://extra.test",
    });
  });

  test("the sync client authenticates with setAuth", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      client.setAuth(async () => await token("ws-user"));
      const identity = await new Promise<unknown>((resolve) => {
        const stop = client.onUpdate(api.users.whoami, {}, (value) => {
          if (value) {
            stop();
            resolve(value);
          }
        });
      });
      expect(identity).toMatchObject({ subject: "ws-user" });
    } finally {
      await client.close();
    }
  });
});

describe("auth ordering over the socket", () => {
  test("a mutation sent after setAuth runs as the new user", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      client.setAuth(async () => await token("ordered-user"));
      expect(await client.mutation(api.users.whoamiNow, {})).toBe("ordered-user");
    } finally {
      await client.close();
    }
  });
});

describe("auth errors over the socket", () => {
  test("a refused token is reported and the client carries on unauthenticated", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      const authenticated = new Promise<boolean>((resolve) => {
        client.setAuth(
          async () => await token("bad", { issuer: "https://elsewhere.test" }),
          resolve,
        );
      });
      expect(await authenticated).toBe(false);
      const identity = await new Promise<unknown>((resolve) => {
        const stop = client.onUpdate(api.users.whoami, {}, (value) => {
          stop();
          resolve(value);
        });
      });
      expect(identity).toBeNull();
    } finally {
      await client.close();
    }
  });
});

describe("scheduler", () => {
  test("runAfter runs the function and marks the job done", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      const jobId = await client.mutation(api.jobs.later, { kind: "scheduled", delayMs: 0 });
      const events = await new Promise<string[]>((resolve) => {
        const stop = client.onUpdate(api.jobs.events, {}, (value) => {
          if (value.includes("scheduled")) {
            stop();
            resolve(value);
          }
        });
      });
      expect(events).toContain("scheduled");
      const state = await new Promise<string | null>((resolve) => {
        const stop = client.onUpdate(api.jobs.jobState, { id: jobId as never }, (value) => {
          if (value === "success") {
            stop();
            resolve(value);
          }
        });
      });
      expect(state).toBe("success");
    } finally {
      await client.close();
    }
  });

  test("a canceled job never runs", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const jobId = await client.mutation(api.jobs.later, { kind: "canceled-job", delayMs: 60_000 });
    await client.mutation(api.jobs.cancel, { id: jobId as never });
    expect(await client.query(api.jobs.jobState, { id: jobId as never })).toBe("canceled");
  });
});

describe("sync protocol", () => {
  type Message = Record<string, unknown> & { type: string };

  function connect(): Promise<{
    ws: WebSocket;
    next: (pred: (m: Message) => boolean) => Promise<Message>;
    all: Message[];
  }> {
    const ws = new WebSocket(`${h.server.url.replace("http", "ws")}/api/1.49.0/sync`);
    const all: Message[] = [];
    const waiters: Array<{ pred: (m: Message) => boolean; resolve: (m: Message) => void }> = [];
    ws.on("message", (data) => {
      const m = JSON.parse(String(data)) as Message;
      all.push(m);
      for (const w of waiters.splice(0)) {
        if (w.pred(m)) w.resolve(m);
        else waiters.push(w);
      }
    });
    const next = (pred: (m: Message) => boolean) =>
      new Promise<Message>((resolve) => {
        const seen = all.find(pred);
        if (seen) resolve(seen);
        else waiters.push({ pred, resolve });
      });
    return new Promise((resolve) => ws.on("open", () => resolve({ ws, next, all })));
  }

  test("pushes a query only when a commit intersects what it read", async () => {
    const { ws, next, all } = await connect();
    ws.send(
      JSON.stringify({
        type: "Connect",
        sessionId: crypto.randomUUID(),
        connectionCount: 0,
        lastCloseReason: "InitialConnect",
        clientTs: 0,
      }),
    );
    ws.send(
      JSON.stringify({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [
          { type: "Add", queryId: 0, udfPath: "messages:list", args: [{ channel: "watched" }] },
        ],
      }),
    );
    const first = await next((m) => m.type === "Transition");
    expect(first).toMatchObject({
      startVersion: { querySet: 0, identity: 0, ts: "AAAAAAAAAAA=" },
      endVersion: { querySet: 1, identity: 0 },
      modifications: [{ type: "QueryUpdated", queryId: 0, value: [] }],
    });
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await client.mutation(api.messages.send, { channel: "other", author: "x", body: "unrelated" });
    await client.mutation(api.messages.send, { channel: "watched", author: "x", body: "related" });
    const update = await next((m) => m.type === "Transition" && m !== first);
    expect(update.startVersion).toEqual(first.endVersion);
    expect(update.modifications).toMatchObject([
      { type: "QueryUpdated", queryId: 0, value: [{ body: "related" }] },
    ]);
    expect(all.filter((m) => m.type === "Transition")).toHaveLength(2);
    ws.close();
  });

  test("a malformed message gets a FatalError and the server keeps serving", async () => {
    const { ws, next } = await connect();
    ws.send("{not json");
    expect(await next((m) => m.type === "FatalError")).toMatchObject({ type: "FatalError" });
    ws.close();
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.query(api.messages.list, { channel: "none" })).toEqual([]);
  });

  test("a re-sent mutation with the same request id is not applied twice", async () => {
    const sessionId = crypto.randomUUID();
    const send = async () => {
      const { ws, next } = await connect();
      ws.send(
        JSON.stringify({
          type: "Connect",
          sessionId,
          connectionCount: 0,
          lastCloseReason: "InitialConnect",
          clientTs: 0,
        }),
      );
      ws.send(
        JSON.stringify({
          type: "Mutation",
          requestId: 7,
          udfPath: "counters:increment",
          args: [{ name: "idempotent" }],
        }),
      );
      const response = await next((m) => m.type === "MutationResponse");
      ws.close();
      return response;
    };
    const a = await send();
    const b = await send();
    expect(a).toMatchObject({ success: true, result: 1 });
    expect(b).toMatchObject({ success: true, result: 1, ts: a.ts });
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    expect(await client.query(api.counters.get, { name: "idempotent" })).toBe(1);
  });
});

describe("search", () => {
  test("text search ranks by relevance and honours filter fields", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    await client.mutation(api.messages.send, {
      channel: "s1",
      author: "a",
      body: "the quick brown fox",
    });
    await client.mutation(api.messages.send, {
      channel: "s1",
      author: "a",
      body: "brown bread and brown butter",
    });
    await client.mutation(api.messages.send, { channel: "s2", author: "a", body: "a brown dog" });
    expect(await client.query(api.search.messages, { text: "brown", channel: "s1" })).toEqual([
      "brown bread and brown butter",
      "the quick brown fox",
    ]);
    expect(await client.query(api.search.messages, { text: "qui" })).toEqual([
      "the quick brown fox",
    ]);
  });

  test("vector search returns the nearest documents, filtered", async () => {
    const client = new ConvexHttpClient(h.server.url, { logger: false });
    const a = await client.mutation(api.search.addDocument, {
      title: "a",
      kind: "faq",
      embedding: [1, 0, 0],
    });
    const b = await client.mutation(api.search.addDocument, {
      title: "b",
      kind: "faq",
      embedding: [0.9, 0.1, 0],
    });
    const c = await client.mutation(api.search.addDocument, {
      title: "c",
      kind: "blog",
      embedding: [1, 0, 0.01],
    });
    expect(await client.action(api.search.similar, { vector: [1, 0, 0] })).toEqual([a, c]);
    expect(await client.action(api.search.similar, { vector: [1, 0, 0], kind: "faq" })).toEqual([
      a,
      b,
    ]);
  });
});

describe("crons", () => {
  test("crons.ts interval jobs run", async () => {
    const client = new ConvexClient(h.server.url, { logger: false });
    try {
      const events = await new Promise<string[]>((resolve) => {
        const stop = client.onUpdate(api.jobs.events, {}, (value) => {
          if (value.includes("cron-tick")) {
            stop();
            resolve(value);
          }
        });
      });
      expect(events).toContain("cron-tick");
    } finally {
      await client.close();
    }
  });
});
