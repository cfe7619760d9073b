// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import {
  FAKE_PRIVATE_KEY,
  FAKE_PUBLIC_KEY,
  startFakeVapi,
  type FakeVapi,
} from "../fakeVapi.harness";
import { DEFAULT_WIDGET_SETTINGS } from "../lib/widgetSettings";
import { createOrganization, newTest, operator, type TestConvex } from "../test.harness";

let vapi: FakeVapi;
beforeAll(async () => {
  vapi = await startFakeVapi();
});
afterAll(async () => {
  await vapi.close();
});
beforeEach(() => {
  vi.stubEnv("VAPI_API_URL", vapi.url);
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const keys = { privateKey: FAKE_PRIVATE_KEY, publicKey: FAKE_PUBLIC_KEY };

async function connected(t: TestConvex) {
  await createOrganization(t, "org_a");
  await operator(t, "org_a").action(api.private.plugins.connect, {
    ...keys,
    webhookSecret: "hook-secret",
  });
}

const storedSecrets = (t: TestConvex) =>
  t.run(async (ctx) => await ctx.db.query("secrets").collect());

describe("private.plugins (Vapi)", () => {
  test("connect checks both keys with Vapi, stores the secrets and shows only configured", async () => {
    const t = newTest();
    await connected(t);
    const admin = operator(t, "org_a");
    expect(await admin.query(api.private.plugins.get, { service: "vapi" })).toEqual({
      service: "vapi",
      state: "connected",
      configured: true,
    });
    expect(vapi.requests.slice(-2).map((r) => [r.method, r.path, r.authorization])).toEqual([
      ["GET", "/assistant", `Bearer ${FAKE_PRIVATE_KEY}`],
      ["POST", "/call/web", `Bearer ${FAKE_PUBLIC_KEY}`],
    ]);
    const secrets = await storedSecrets(t);
    expect(secrets.map((s) => s.name).sort()).toEqual(["vapi.privateKey", "vapi.webhookSecret"]);
    expect(JSON.stringify(secrets)).not.toContain(FAKE_PRIVATE_KEY);
    expect(
      await t.action(internal.system.secrets.secrets.read, {
        organizationId: "org_a",
        name: "vapi.privateKey",
      }),
    ).toBe(FAKE_PRIVATE_KEY);
    const audit = await admin.query(api.private.auditLog.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(JSON.stringify(audit)).toContain("plugin.connect");
  });

  test("a key Vapi rejects gives the reason and saves nothing", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a");
    const rejected = await admin
      .action(api.private.plugins.connect, { ...keys, privateKey: "revoked" })
      .catch((e) => e);
    expect(rejected.data).toEqual({
      code: "INVALID_CREDENTIALS",
      message:
        "Vapi rejected the private key: Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.",
    });
    await expect(
      admin.action(api.private.plugins.connect, { ...keys, publicKey: "revoked" }),
    ).rejects.toThrow(/Vapi rejected the public key/);
    await expect(
      admin.action(api.private.plugins.connect, { ...keys, publicKey: FAKE_PRIVATE_KEY }),
    ).rejects.toThrow(/must be different/);
    // Swapped keys: Vapi's REST API refuses a public key, web calls refuse a private one.
    await expect(
      admin.action(api.private.plugins.connect, {
        privateKey: FAKE_PUBLIC_KEY,
        publicKey: FAKE_PRIVATE_KEY,
      }),
    ).rejects.toThrow(/Vapi rejected the private key/);
    vapi.failNext(503, 4);
    const outage = await admin.action(api.private.plugins.connect, keys).catch((e) => e);
    expect(outage.data).toMatchObject({ code: "UPSTREAM_UNAVAILABLE" });
    vapi.failNext(429, 4);
    const limited = await admin.action(api.private.plugins.connect, keys).catch((e) => e);
    expect(limited.data).toMatchObject({ code: "RATE_LIMITED" });
    expect(await storedSecrets(t)).toEqual([]);
    expect((await admin.query(api.private.plugins.get, { service: "vapi" })).state).toBe(
      "disconnected",
    );
  });

  test("members cannot connect or list", async () => {
    const t = newTest();
    await connected(t);
    const member = operator(t, "org_a", "member");
    await expect(member.action(api.private.plugins.connect, keys)).rejects.toThrow(/Admins only/);
    await expect(member.action(api.private.plugins.listAssistants, {})).rejects.toThrow(
      /Admins only/,
    );
  });

  test("admins list assistants and phone numbers with the stored private key", async () => {
    const t = newTest();
    await connected(t);
    const admin = operator(t, "org_a");
    vapi.failNext(429);
    expect(await admin.action(api.private.plugins.listAssistants, {})).toEqual([
      { id: "asst_1", name: "Support line", createdAt: "2026-01-05T10:00:00.000Z" },
      { id: "asst_2", name: null, createdAt: "2026-01-06T10:00:00.000Z" },
    ]);
    expect(await admin.action(api.private.plugins.listPhoneNumbers, {})).toMatchObject([
      { id: "pn_1", number: "+15550100", assistantId: "asst_1" },
    ]);
    expect(vapi.requests.at(-1)?.authorization).toBe(`Bearer ${FAKE_PRIVATE_KEY}`);
    // Another organization's admin has no Vapi connection of their own.
    await createOrganization(t, "org_b");
    const notConnected = await operator(t, "org_b")
      .action(api.private.plugins.listAssistants, {})
      .catch((e) => e);
    expect(notConnected.data).toMatchObject({ code: "NOT_CONFIGURED" });
  });

  test("disconnect deletes the secrets and hides the public key from the widget", async () => {
    vi.useFakeTimers();
    try {
      const t = newTest();
      await connected(t);
      const admin = operator(t, "org_a");
      await admin.mutation(api.private.widgetSettings.upsert, {
        settings: { ...DEFAULT_WIDGET_SETTINGS, voice: { enabled: true, assistantId: "asst_1" } },
      });
      const config = () => t.query(api.public.voice.getConfig, { organizationId: "org_a" });
      expect(await config()).toMatchObject({ enabled: true, publicKey: FAKE_PUBLIC_KEY });
      expect(JSON.stringify(await config())).not.toContain(FAKE_PRIVATE_KEY);

      await admin.mutation(api.private.plugins.disconnect, { service: "vapi" });
      await t.finishAllScheduledFunctions(() => vi.runAllTimers());
      expect(await storedSecrets(t)).toEqual([]);
      expect(await config()).toMatchObject({ connected: false, enabled: false, publicKey: null });
      await expect(admin.action(api.private.plugins.listAssistants, {})).rejects.toThrow(
        /Vapi is not connected/,
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
