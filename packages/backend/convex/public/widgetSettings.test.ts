import { afterEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { DEFAULT_WIDGET_SETTINGS } from "../lib/widgetSettings";
import { BUILT_IN_COPY, widgetCopyFor } from "../lib/widgetCopy";
import { createOrganization, createSession, newTest, operator } from "../test.harness";

afterEach(() => {
  vi.unstubAllEnvs();
});

const custom = {
  ...DEFAULT_WIDGET_SETTINGS,
  greeting: "Olá! Como posso ajudar?",
  suggestions: ["Preços", "Reembolso", "Senha"],
  colors: { primary: "#16a34a", background: "#f8fafc", text: "#111827" },
  position: "bottom-left" as const,
  defaultLanguage: "pt-BR" as const,
};

describe("widget settings", () => {
  test("the widget gets defaults until an admin saves settings, then the saved ones", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const before = await t.query(api.public.widgetSettings.get, { organizationId: "org_a" });
    expect(before).toMatchObject({
      greeting: DEFAULT_WIDGET_SETTINGS.greeting,
      logoUrl: null,
      assistantMode: "retrieval",
    });
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.widgetSettings.upsert, { settings: custom });
    await admin.mutation(api.private.widgetSettings.upsert, {
      settings: { ...custom, greeting: "Oi!" },
    });
    expect(await t.query(api.public.widgetSettings.get, { organizationId: "org_a" })).toMatchObject(
      {
        greeting: "Oi!",
        position: "bottom-left",
        defaultLanguage: "pt-BR",
      },
    );
    expect(
      (await operator(t, "org_a", "member").query(api.private.widgetSettings.get, {})).greeting,
    ).toBe("Oi!");
    const rows = await t.run(async (ctx) => await ctx.db.query("widgetSettings").collect());
    expect(rows).toHaveLength(1);
  });

  test("a saved logo is served by URL", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    expect(await admin.mutation(api.private.widgetSettings.generateLogoUploadUrl, {})).toMatch(
      /^https?:/,
    );
    const logoStorageId = await t.run(async (ctx) => await ctx.storage.store(new Blob(["<svg/>"])));
    await admin.mutation(api.private.widgetSettings.upsert, {
      settings: { ...custom, logoStorageId },
    });
    expect(
      (await t.query(api.public.widgetSettings.get, { organizationId: "org_a" })).logoUrl,
    ).toMatch(/^https?:/);
  });

  test("only admins save, with at most three suggestions; voice needs a paid plan when billing is on", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await expect(
      operator(t, "org_a", "member").mutation(api.private.widgetSettings.upsert, {
        settings: custom,
      }),
    ).rejects.toThrow(/Admins only/);
    const admin = operator(t, "org_a", "owner");
    await expect(
      admin.mutation(api.private.widgetSettings.upsert, {
        settings: { ...custom, suggestions: ["a", "b", "c", "d"] },
      }),
    ).rejects.toThrow(/three suggestions/);
    const withVoice = {
      ...custom,
      voice: { enabled: true, assistantId: "asst_1", phoneNumber: "+15550100" },
    };
    vi.stubEnv("ECHO_BILLING", "clerk");
    const error = await admin
      .mutation(api.private.widgetSettings.upsert, { settings: withVoice })
      .catch((e) => e);
    expect(error.data.code).toBe("PLAN_REQUIRED");
    vi.unstubAllEnvs();
    await admin.mutation(api.private.widgetSettings.upsert, { settings: withVoice });
  });

  test("greeting and suggestions are kept per language, and a conversation opens greeted in the widget's", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.widgetSettings.upsert, {
      settings: {
        ...DEFAULT_WIDGET_SETTINGS,
        greeting: "Welcome to Acme!",
        suggestions: ["Pricing?"],
        translations: [
          { language: "pt-BR", greeting: "Bem-vindo à Acme!", suggestions: ["Preços?"] },
          { language: "en", greeting: "ignored: English is the default", suggestions: [] },
        ],
      },
    });
    const settings = await t.query(api.public.widgetSettings.get, { organizationId: "org_a" });
    expect(widgetCopyFor(settings, "pt-BR")).toEqual({
      greeting: "Bem-vindo à Acme!",
      suggestions: ["Preços?"],
    });
    expect(widgetCopyFor(settings, "en")).toEqual({
      greeting: "Welcome to Acme!",
      suggestions: ["Pricing?"],
    });
    const contactSessionId = await createSession(t, "org_a");
    const conversationId = await t.mutation(api.public.conversations.create, {
      contactSessionId,
      language: "pt-BR",
    });
    const conversation = await t.run(async (ctx) => await ctx.db.get(conversationId));
    expect(conversation).toMatchObject({
      language: "pt-BR",
      lastMessage: { text: "Bem-vindo à Acme!" },
    });
    await expect(
      admin.mutation(api.private.widgetSettings.upsert, {
        settings: {
          ...DEFAULT_WIDGET_SETTINGS,
          translations: [
            { language: "pt-BR", greeting: "Oi", suggestions: [] },
            { language: "pt-BR", greeting: "Olá", suggestions: [] },
          ],
        },
      }),
    ).rejects.toThrow(/One greeting per language/);
  });

  test("a widget in a language the organization wrote nothing for greets in that language", () => {
    const englishOnly = { ...DEFAULT_WIDGET_SETTINGS, greeting: "Welcome!", translations: [] };
    expect(widgetCopyFor(englishOnly, "pt-BR")).toEqual({
      greeting: BUILT_IN_COPY["pt-BR"].greeting,
      suggestions: [],
    });
  });

  test("an unknown organization has no widget", async () => {
    const t = newTest();
    await expect(
      t.query(api.public.widgetSettings.get, { organizationId: "nope" }),
    ).rejects.toThrow(/not found/);
    expect(await t.query(api.public.organizations.validate, { organizationId: "nope" })).toEqual({
      valid: false,
      reason: "NOT_FOUND",
    });
  });
});
