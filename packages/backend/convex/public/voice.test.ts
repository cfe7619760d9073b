import { afterEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { DEFAULT_WIDGET_SETTINGS } from "../lib/widgetSettings";
import { createOrganization, newTest, operator } from "../test.harness";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("public.voice.getConfig", () => {
  test("voice is off until the plugin is connected and enabled; secrets never appear", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const config = () => t.query(api.public.voice.getConfig, { organizationId: "org_a" });
    expect(await config()).toEqual({
      connected: false,
      enabled: false,
      assistantId: null,
      phoneNumber: null,
      publicKey: null,
    });

    await t.run(async (ctx) => {
      await ctx.db.insert("plugins", {
        organizationId: "org_a",
        service: "vapi",
        state: "connected",
        secretRef: "vapi.privateKey",
        publicKey: "vapi-public-key",
      });
    });
    const voice = { enabled: true, assistantId: "asst_1", phoneNumber: "+15550100" };
    await operator(t, "org_a").mutation(api.private.widgetSettings.upsert, {
      settings: { ...DEFAULT_WIDGET_SETTINGS, voice },
    });
    const connected = await config();
    expect(connected).toEqual({
      connected: true,
      enabled: true,
      assistantId: "asst_1",
      phoneNumber: "+15550100",
      publicKey: "vapi-public-key",
    });
    expect(JSON.stringify(connected)).not.toContain("privateKey");

    // With Clerk Billing on, a free organization's voice is switched off.
    vi.stubEnv("ECHO_BILLING", "clerk");
    expect(await config()).toMatchObject({ enabled: false, publicKey: null });
  });
});
