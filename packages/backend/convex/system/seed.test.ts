import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import { newTest, settle } from "../test.harness";
import { SEED_DOCUMENTS } from "../lib/seed/seedDocuments";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("system.seed", () => {
  test("creates the demo organization, its settings and an indexed knowledge base, idempotently", async () => {
    const t = newTest();
    const first = await t.mutation(internal.system.seed.seed, {});
    expect(first).toEqual({ organizationId: "org_demo", indexing: SEED_DOCUMENTS.length });
    await settle(t);
    const second = await t.mutation(internal.system.seed.seed, {});
    expect(second).toEqual({ organizationId: "org_demo", indexing: 0 });
    await settle(t);

    const counts = await t.run(async (ctx) => ({
      organizations: (await ctx.db.query("organizations").collect()).length,
      settings: (await ctx.db.query("organizationSettings").collect()).length,
      widgets: (await ctx.db.query("widgetSettings").collect()).length,
      files: (await ctx.db.query("knowledgeFiles").collect()).map((f) => [f.name, f.status]),
      canned: (await ctx.db.query("cannedResponses").collect()).map(
        (r) => `${r.language}/${r.shortcut}`,
      ),
      contactFields: (await ctx.db.query("contactFields").collect()).map((f) => f.label),
    }));
    expect(counts).toEqual({
      organizations: 1,
      settings: 1,
      widgets: 1,
      files: SEED_DOCUMENTS.map((d) => [d.name, "ready"]),
      canned: ["en/hi", "en/refund", "en/bye", "pt-BR/hi", "pt-BR/refund", "pt-BR/bye"],
      contactFields: ["Plan", "Seats"],
    });
    expect(SEED_DOCUMENTS.some((d) => d.name === "primeiros-passos.md")).toBe(true);
    const widget = await t.query(api.public.widgetSettings.get, { organizationId: "org_demo" });
    expect(widget.suggestions).toHaveLength(3);
    expect(widget.assistantMode).toBe("retrieval");
  });
});
