import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import { signUserId, verifyIdentity } from "../lib/contacts/identitySignature";
import { createOrganization, newTest, operator } from "../test.harness";

beforeEach(() => {
  vi.stubEnv("ECHO_SECRETS_KEY", btoa(String.fromCharCode(...new Uint8Array(32).fill(7))));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("system.demoIdentity.sign", () => {
  test("signs with the secret the admin generated, and follows a rotation", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const { secret } = await admin.action(api.private.identityVerification.rotateSecret, {});
    const args = { organizationId: "org_a", userId: "demo-customer" };
    const { hash } = await t.action(internal.system.demoIdentity.sign, args);
    expect(hash).toBe(await signUserId(secret, "demo-customer"));
    const { secret: next } = await admin.action(api.private.identityVerification.rotateSecret, {});
    expect((await t.action(internal.system.demoIdentity.sign, args)).hash).toBe(
      await signUserId(next, "demo-customer"),
    );
  });

  test("gives an organization without a secret one, which Integrations then shows as configured", async () => {
    const t = newTest();
    await createOrganization(t, "org_b");
    const admin = operator(t, "org_b", "admin");
    expect(await admin.query(api.private.identityVerification.status, {})).toMatchObject({
      configured: false,
    });
    const { hash } = await t.action(internal.system.demoIdentity.sign, {
      organizationId: "org_b",
      userId: "u1",
    });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await admin.query(api.private.identityVerification.status, {})).toMatchObject({
      configured: true,
    });
    const again = await t.action(internal.system.demoIdentity.sign, {
      organizationId: "org_b",
      userId: "u1",
    });
    expect(again.hash).toBe(hash);
    expect(await verifyIdentity("another-secret", { userId: "u1", hash })).toBe(false);
  });
});
