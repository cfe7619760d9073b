import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import {
  CONTACT_METADATA_LIMITS,
  MAX_LANGUAGE_CHARS,
  MAX_LANGUAGES,
} from "../lib/contactMetadataLimits";
import { SESSION_DURATION_MS } from "../lib/contactSessions";
import { createOrganization, createSession, newTest } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("public.contactSessions", () => {
  test("create stores the visitor and browser metadata with a 24 h expiry", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const { contactSessionId, expiresAt } = await t.mutation(
      internal.system.contactSessions.createWithCountry,
      {
        organizationId: "org_a",
        name: "  Ana ",
        email: "Ana@Example.com",
        metadata: {
          timezone: "America/Sao_Paulo",
          timezoneOffset: 180,
          currentUrl: "https://shop.example/p",
        },
      },
    );
    expect(expiresAt).toBe(Date.now() + SESSION_DURATION_MS);
    const session = await t.run(async (ctx) => await ctx.db.get(contactSessionId));
    expect(session).toMatchObject({
      organizationId: "org_a",
      name: "Ana",
      email: "ana@example.com",
      metadata: { timezone: "America/Sao_Paulo", currentUrl: "https://shop.example/p" },
    });
  });

  test("every metadata field is bounded: an oversized one is refused by name and nothing is stored", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const oversized: Array<[string, object]> = [
      ...Object.entries(CONTACT_METADATA_LIMITS).map(
        ([field, max]) => [field, { [field]: "x".repeat(max + 1) }] as [string, object],
      ),
      ["languages", { languages: Array.from({ length: MAX_LANGUAGES + 1 }, () => "en") }],
      ["languages", { languages: ["x".repeat(MAX_LANGUAGE_CHARS + 1)] }],
      ["timezoneOffset", { timezoneOffset: 1e9 }],
    ];
    for (const [field, metadata] of oversized) {
      const error = await t
        .mutation(internal.system.contactSessions.createWithCountry, {
          organizationId: "org_a",
          name: "Mallory",
          email: "mallory@example.com",
          metadata,
        })
        .catch((e: { data?: { code?: string; message?: string } }) => e);
      expect(error, field).toHaveProperty("data.code", "INVALID_INPUT");
      expect((error as { data: { message: string } }).data.message).toContain(field);
    }
    expect(await t.run(async (ctx) => await ctx.db.query("contactSessions").collect())).toEqual([]);
    // At the limits, a session is created.
    const atLimits = Object.fromEntries(
      Object.entries(CONTACT_METADATA_LIMITS).map(([field, max]) => [field, "x".repeat(max)]),
    );
    await t.mutation(internal.system.contactSessions.createWithCountry, {
      organizationId: "org_a",
      name: "Vera",
      email: "vera@example.com",
      metadata: { ...atLimits, languages: ["pt-BR"], timezoneOffset: -840 },
    });
  });

  test("create refuses unknown organizations and invalid emails", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await expect(
      t.mutation(internal.system.contactSessions.createWithCountry, {
        organizationId: "nope",
        name: "A",
        email: "a@b.co",
      }),
    ).rejects.toThrow(/NOT_FOUND|Organization not found/);
    await expect(
      t.mutation(internal.system.contactSessions.createWithCountry, {
        organizationId: "org_a",
        name: "A",
        email: "not-an-email",
      }),
    ).rejects.toThrow(/valid email/);
  });

  test("validate reports valid, expired, and other organizations' sessions", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const contactSessionId = await createSession(t, "org_a");
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId,
        organizationId: "org_a",
      }),
    ).toMatchObject({
      valid: true,
    });
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId,
        organizationId: "org_b",
      }),
    ).toEqual({
      valid: false,
      reason: "NOT_FOUND",
    });
    vi.advanceTimersByTime(SESSION_DURATION_MS + 1);
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId,
        organizationId: "org_a",
      }),
    ).toEqual({
      valid: false,
      reason: "SESSION_EXPIRED",
    });
  });

  test("sending a message slides the expiry too", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
    vi.advanceTimersByTime(SESSION_DURATION_MS - 1000);
    await t.mutation(api.public.messages.send, {
      contactSessionId,
      conversationId,
      text: "still here",
    });
    vi.advanceTimersByTime(SESSION_DURATION_MS - 1000);
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId,
        organizationId: "org_a",
      }),
    ).toMatchObject({ valid: true });
  });

  test("messages in a burst write the session once: only one a minute after the last slide slides it", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    const conversationId = await t.mutation(api.public.conversations.create, { contactSessionId });
    const expiry = () => t.run(async (ctx) => (await ctx.db.get(contactSessionId))!.expiresAt);
    const created = await expiry();
    vi.advanceTimersByTime(30 * 1000);
    await t.mutation(api.public.messages.send, { contactSessionId, conversationId, text: "hi" });
    expect(await expiry()).toBe(created);
    vi.advanceTimersByTime(31 * 1000);
    await t.mutation(api.public.messages.send, { contactSessionId, conversationId, text: "there" });
    expect(await expiry()).toBe(Date.now() + SESSION_DURATION_MS);
  });

  test("refresh slides the expiry; an expired session cannot be refreshed", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const contactSessionId = await createSession(t, "org_a");
    vi.advanceTimersByTime(SESSION_DURATION_MS - 1000);
    const { expiresAt } = await t.mutation(api.public.contactSessions.refresh, {
      contactSessionId,
    });
    expect(expiresAt).toBe(Date.now() + SESSION_DURATION_MS);
    vi.advanceTimersByTime(SESSION_DURATION_MS - 1000);
    expect(
      await t.query(api.public.contactSessions.validate, {
        contactSessionId,
        organizationId: "org_a",
      }),
    ).toMatchObject({
      valid: true,
    });
    vi.advanceTimersByTime(2000);
    await expect(
      t.mutation(api.public.contactSessions.refresh, { contactSessionId }),
    ).rejects.toThrow(/expired/);
  });
});
