import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../../_generated/api";
import { errorCodeOf } from "../../lib/errors";
import { hashApiKey } from "../../lib/whatsapp/apiKeyHash";
import { createOrganization, newTest, operator, settle, type TestConvex } from "../../test.harness";
import { SIM_API_KEY, SIM_INSTANCE, startSimBridge } from "../../whatsappSim.harness";

let t: TestConvex;
let bridge: Awaited<ReturnType<typeof startSimBridge>>;
beforeAll(async () => {
  bridge = await startSimBridge(() => t);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await bridge.close();
});
afterEach(() => {
  vi.useRealTimers();
});
beforeEach(async () => {
  vi.useFakeTimers();
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
  vi.stubEnv("CONVEX_SITE_URL", bridge.siteUrl);
  t = newTest();
  await createOrganization(t, "org_a");
});

const settings = () => ({
  serverUrl: bridge.sim.url,
  instanceName: SIM_INSTANCE,
  apiKey: SIM_API_KEY,
});

async function connect() {
  const admin = operator(t, "org_a", "admin");
  const result = await admin.action(api.private.whatsapp.connect, settings());
  const connection = (await admin.query(api.private.whatsapp.get, {}))!;
  return { admin, result, connection, id: connection.webhookUrl.split("/").pop()! };
}

const upsert = (apikey: string | undefined) =>
  JSON.stringify({
    event: "messages.upsert",
    instance: SIM_INSTANCE,
    ...(apikey === undefined ? {} : { apikey }),
    data: {
      key: { remoteJid: "5511987654321@s.whatsapp.net", fromMe: false, id: "3EB0AAAA" },
      pushName: "Maria",
      message: { conversation: "Olá" },
      messageTimestamp: 1760000000,
    },
  });

async function stored(t: TestConvex) {
  return await t.run(async (ctx) => ({
    messages: (await ctx.db.query("whatsappMessages").collect()).length,
    conversations: (await ctx.db.query("conversations").collect()).length,
    contacts: (await ctx.db.query("contacts").collect()).length,
  }));
}

describe("connecting an Evolution API instance", () => {
  test("checks the key on the server, keeps it as a secret and registers the webhook", async () => {
    const { result, connection, id } = await connect();
    expect(connection).toMatchObject({
      gateway: "evolution",
      instanceName: SIM_INSTANCE,
      state: "connected",
      webhookUrl: `${bridge.siteUrl}/webhooks/whatsapp/evolution/${id}`,
    });
    expect(result).toEqual({ webhookUrl: connection.webhookUrl, webhookRegistered: true });
    expect(bridge.sim.webhookUrl()).toBe(connection.webhookUrl);
    expect(JSON.stringify(connection)).not.toContain(SIM_API_KEY);
    const rows = await t.run(async (ctx) => ({
      connection: await ctx.db.query("whatsappConnections").first(),
      secrets: await ctx.db.query("secrets").collect(),
    }));
    expect(rows.connection).toMatchObject({ apiKeyHash: await hashApiKey(SIM_API_KEY) });
    expect(rows.secrets.map((secret) => secret.name)).toEqual([`whatsapp.${id}.apiKey`]);
    expect(JSON.stringify(rows.secrets)).not.toContain(SIM_API_KEY);
  });

  test("refuses a wrong key or instance, and members, storing nothing", async () => {
    const admin = operator(t, "org_a", "admin");
    const codes = [];
    for (const [who, args] of [
      [admin, { ...settings(), apiKey: "wrong" }],
      [admin, { ...settings(), instanceName: "nope" }],
      [admin, { ...settings(), serverUrl: "ftp://example.com" }],
      [operator(t, "org_a", "member"), settings()],
    ] as const)
      codes.push(await who.action(api.private.whatsapp.connect, args).catch(errorCodeOf));
    expect(codes).toEqual(["INVALID_CREDENTIALS", "NOT_FOUND", "INVALID_INPUT", "UNAUTHORIZED"]);
    const rows = await t.run(async (ctx) => ({
      connections: await ctx.db.query("whatsappConnections").collect(),
      secrets: await ctx.db.query("secrets").collect(),
    }));
    expect(rows).toEqual({ connections: [], secrets: [] });
  });
});

describe("the webhook", () => {
  test("a wrong or missing apikey is 401 and stores nothing", async () => {
    const { id } = await connect();
    for (const key of ["wrong-key", undefined, ""]) {
      const response = await t.fetch(`/webhooks/whatsapp/evolution/${id}`, {
        method: "POST",
        body: upsert(key),
      });
      expect(response.status).toBe(401);
    }
    expect(await stored(t)).toEqual({ messages: 0, conversations: 0, contacts: 0 });
  });

  test("the right key is accepted in the body or the apikey header", async () => {
    const { id } = await connect();
    const inBody = await t.fetch(`/webhooks/whatsapp/evolution/${id}`, {
      method: "POST",
      body: upsert(SIM_API_KEY),
    });
    expect(inBody.status).toBe(200);
    const inHeader = await t.fetch(`/webhooks/whatsapp/evolution/${id}`, {
      method: "POST",
      headers: { apikey: SIM_API_KEY },
      body: upsert(undefined).replace("3EB0AAAA", "3EB0BBBB"),
    });
    expect(inHeader.status).toBe(200);
    expect(await stored(t)).toMatchObject({ messages: 2, conversations: 1, contacts: 1 });
  });

  test("an unknown or disconnected connection is 404 and its key is deleted", async () => {
    const { admin, id } = await connect();
    const post = (path: string) =>
      t.fetch(`/webhooks/whatsapp/evolution/${path}`, {
        method: "POST",
        body: upsert(SIM_API_KEY),
      });
    expect((await post("not-an-id")).status).toBe(404);
    await admin.mutation(api.private.whatsapp.disconnect, {});
    await settle(t);
    expect((await post(id)).status).toBe(404);
    expect(await admin.query(api.private.whatsapp.get, {})).toBeNull();
    expect(await t.run(async (ctx) => await ctx.db.query("secrets").collect())).toEqual([]);
    expect(await stored(t)).toEqual({ messages: 0, conversations: 0, contacts: 0 });
  });

  test("connection.update shows the gateway's state", async () => {
    const { admin, id } = await connect();
    for (const [state, shown] of [
      ["close", "disconnected"],
      ["connecting", "qr"],
      ["open", "connected"],
    ] as const) {
      await t.fetch(`/webhooks/whatsapp/evolution/${id}`, {
        method: "POST",
        body: JSON.stringify({ event: "connection.update", apikey: SIM_API_KEY, data: { state } }),
      });
      expect((await admin.query(api.private.whatsapp.get, {}))!.state).toBe(shown);
    }
  });
});

describe("the demo seed's connection", () => {
  test("connects once, and a rerun keeps the connection and registers its webhook again", async () => {
    const args = { organizationId: "org_a", ...settings() };
    const first = await t.action(internal.system.whatsapp.demo.connect, args);
    const again = await t.action(internal.system.whatsapp.demo.connect, args);
    expect(again).toEqual({ ...first, reused: true });
    expect(first.reused).toBe(false);
    expect(bridge.sim.webhookUrl()).toBe(first.webhookUrl);
    const connections = await t.run(
      async (ctx) => await ctx.db.query("whatsappConnections").collect(),
    );
    expect(connections.map((c) => c.active)).toEqual([true]);
  });
});
