import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "./_generated/api";
import { newTest, type TestConvex } from "./test.harness";

const SECRET = `whsec_${btoa("a-test-secret-of-32-bytes-length")}`;

beforeEach(() => {
  vi.stubEnv("IDENTITY_WEBHOOK_SECRET", SECRET);
  vi.stubEnv("BILLING_WEBHOOK_SECRET", SECRET);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Signs like Clerk (Svix headers) unless told to use Standard Webhooks header names. */
function signed(eventId: string, event: object, { secret = SECRET, prefix = "svix" } = {}) {
  const body = JSON.stringify(event);
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(eventId, timestamp, body);
  return {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      [`${prefix}-id`]: eventId,
      [`${prefix}-timestamp`]: String(Math.floor(timestamp.getTime() / 1000)),
      [`${prefix}-signature`]: signature,
    },
  };
}

async function organization(t: TestConvex, externalId: string) {
  return await t.run(
    async (ctx) =>
      await ctx.db
        .query("organizations")
        .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
        .unique(),
  );
}

describe("http webhooks", () => {
  test("a bad or missing signature is rejected with 401 and changes nothing", async () => {
    const t = newTest();
    const event = { type: "organization.created", data: { id: "org_x", name: "X", slug: "x" } };
    const forged = signed("evt_1", event, {
      secret: `whsec_${btoa("some-other-secret-32-bytes-long!")}`,
    });
    expect((await t.fetch("/webhooks/identity", forged)).status).toBe(401);
    const unsigned = { method: "POST", body: JSON.stringify(event) };
    expect((await t.fetch("/webhooks/identity", unsigned)).status).toBe(401);
    const tampered = signed("evt_1", event);
    tampered.body = tampered.body.replace('"X"', '"Evil"');
    expect((await t.fetch("/webhooks/identity", tampered)).status).toBe(401);
    expect(await organization(t, "org_x")).toBeNull();
  });

  test("organization events upsert and delete organizations; a replayed event has no second effect", async () => {
    const t = newTest();
    const created = signed("evt_1", {
      type: "organization.created",
      data: {
        id: "org_x",
        name: "Acme",
        slug: "acme",
        public_metadata: { $plan: "x", _internal: 1 },
      },
    });
    const response = await t.fetch("/webhooks/identity", created);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    expect(await organization(t, "org_x")).toMatchObject({
      name: "Acme",
      slug: "acme",
      plan: "free",
    });
    expect(await t.query(api.public.organizations.validate, { organizationId: "org_x" })).toEqual({
      valid: true,
      name: "Acme",
      allowedDomains: [],
    });

    const renamed = signed("evt_2", {
      type: "organization.updated",
      data: { id: "org_x", name: "Acme Inc", slug: "acme" },
    });
    await t.fetch("/webhooks/identity", renamed);
    const replay = await t.fetch("/webhooks/identity", created);
    expect(await replay.json()).toEqual({ received: true, duplicate: true });
    expect((await organization(t, "org_x"))!.name).toBe("Acme Inc");

    await t.fetch(
      "/webhooks/identity",
      signed(
        "evt_3",
        { type: "organization.deleted", data: { id: "org_x" } },
        { prefix: "webhook" },
      ),
    );
    expect(await organization(t, "org_x")).toBeNull();
  });

  test("billing events set the organization's plan once per event", async () => {
    const t = newTest();
    await t.fetch(
      "/webhooks/identity",
      signed("evt_1", { type: "organization.created", data: { id: "org_x", name: "Acme" } }),
    );
    const subscription = (status: string, slug: string) => ({
      type: "subscription.updated",
      data: {
        id: "sub_1",
        status,
        payer: { organization_id: "org_x" },
        items: [{ status, plan: { slug } }],
      },
    });
    await t.fetch("/webhooks/billing", signed("evt_b1", subscription("active", "pro")));
    expect((await organization(t, "org_x"))!.plan).toBe("pro");
    await t.fetch("/webhooks/billing", signed("evt_b2", subscription("canceled", "pro")));
    expect((await organization(t, "org_x"))!.plan).toBe("free");
    await t.fetch("/webhooks/billing", signed("evt_b1", subscription("active", "pro")));
    expect((await organization(t, "org_x"))!.plan).toBe("free");
    const rows = await t.run(async (ctx) => await ctx.db.query("subscriptions").collect());
    expect(rows).toMatchObject([
      { externalId: "sub_1", organizationId: "org_x", status: "canceled", plan: "free" },
    ]);
  });

  test("an unconfigured webhook answers 503", async () => {
    vi.stubEnv("BILLING_WEBHOOK_SECRET", "");
    const t = newTest();
    expect(
      (
        await t.fetch(
          "/webhooks/billing",
          signed("evt_1", { type: "subscription.created", data: {} }),
        )
      ).status,
    ).toBe(503);
  });
});
