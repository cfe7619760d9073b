import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import { createOrganization, newTest, operator, type TestConvex } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

async function visitFrom(t: TestConvex, organizationId: string, currentUrl?: string) {
  await t.mutation(internal.system.contactSessions.createWithCountry, {
    organizationId,
    name: "Vera Visitor",
    email: "vera@example.com",
    metadata: { userAgent: "vitest", ...(currentUrl ? { currentUrl } : {}) },
  });
}

describe("private.widgetSightings.list", () => {
  test("names each site the widget was opened on, when it was last seen and how often", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const firstVisit = Date.now();
    await visitFrom(t, "org_a", "https://www.nimbus.example/pricing");
    vi.advanceTimersByTime(60_000);
    await visitFrom(t, "org_a", "https://help.nimbus.example/");
    vi.advanceTimersByTime(60_000);
    await visitFrom(t, "org_a", "https://www.nimbus.example/docs/export");
    // Not a page the embed reported: a WhatsApp contact, a missing or a non-web address.
    await visitFrom(t, "org_a");
    await visitFrom(t, "org_a", "about:blank");
    await visitFrom(t, "org_b", "https://other.example/");

    expect(
      await operator(t, "org_a", "member").query(api.private.widgetSightings.list, {}),
    ).toEqual([
      { site: "www.nimbus.example", lastSeenAt: firstVisit + 120_000, sessions: 2 },
      { site: "help.nimbus.example", lastSeenAt: firstVisit + 60_000, sessions: 1 },
    ]);
  });

  test("is empty until a visitor opens the widget on a page", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    expect(await operator(t, "org_a", "owner").query(api.private.widgetSightings.list, {})).toEqual(
      [],
    );
  });
});
