import { describe, expect, test } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, newTest, operator } from "../test.harness";

describe("private.plugins and private.billing", () => {
  test("a plugin reports configured or not, never its secret reference, and admins disconnect it", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const member = operator(t, "org_a", "member");
    expect(await member.query(api.private.plugins.get, { service: "vapi" })).toEqual({
      service: "vapi",
      state: "disconnected",
      configured: false,
    });
    await t.run(async (ctx) => {
      await ctx.db.insert("plugins", {
        organizationId: "org_a",
        service: "vapi",
        state: "connected",
        secretRef: "ref_1",
      });
    });
    const connected = await member.query(api.private.plugins.get, { service: "vapi" });
    expect(connected).toEqual({ service: "vapi", state: "connected", configured: true });
    expect(
      await operator(t, "org_b", "admin").query(api.private.plugins.get, { service: "vapi" }),
    ).toMatchObject({
      configured: false,
    });
    await expect(
      member.mutation(api.private.plugins.disconnect, { service: "vapi" }),
    ).rejects.toThrow(/Admins only/);
    await operator(t, "org_b", "admin").mutation(api.private.plugins.disconnect, {
      service: "vapi",
    });
    expect((await member.query(api.private.plugins.get, { service: "vapi" })).configured).toBe(
      true,
    );
    await operator(t, "org_a", "admin").mutation(api.private.plugins.disconnect, {
      service: "vapi",
    });
    expect(await member.query(api.private.plugins.get, { service: "vapi" })).toEqual({
      service: "vapi",
      state: "disconnected",
      configured: false,
    });
  });

  test("billing shows the plan and the latest subscription to admins of that organization", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    expect(await admin.query(api.private.billing.subscription, {})).toEqual({
      plan: "free",
      billingEnforced: false,
      subscription: null,
    });
    await t.run(async (ctx) => {
      await ctx.db.insert("subscriptions", {
        organizationId: "org_a",
        plan: "pro",
        status: "active",
        externalId: "sub_1",
      });
    });
    expect((await admin.query(api.private.billing.subscription, {})).subscription).toEqual({
      status: "active",
      plan: "pro",
      currentPeriodEnd: null,
    });
    expect(
      (await operator(t, "org_b", "admin").query(api.private.billing.subscription, {}))
        .subscription,
    ).toBeNull();
    await expect(
      operator(t, "org_a", "member").query(api.private.billing.subscription, {}),
    ).rejects.toThrow(/Admins only/);
  });
});
