import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { internal } from "../../_generated/api";
import { INGESTION_VERSION } from "../../lib/knowledge/indexDocument";
import { createOrganization, newTest, seedKnowledge, settle } from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("system.knowledge.reingest", () => {
  test("indexes again, once, every file an older ingestion indexed", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await seedKnowledge(t, "org_a");
    const files = async () =>
      await t.run(async (ctx) => await ctx.db.query("knowledgeFiles").collect());
    expect((await files()).map((f) => f.ingestionVersion)).toEqual(
      Array((await files()).length).fill(INGESTION_VERSION),
    );
    const [old] = await files();
    // As a file indexed before versions were recorded looks.
    await t.run(async (ctx) => await ctx.db.patch(old!._id, { ingestionVersion: undefined }));

    expect(await t.mutation(internal.system.knowledge.reingest.reingestOutdated, {})).toBe(1);
    await settle(t);
    const again = (await files()).find((f) => f._id === old!._id)!;
    expect(again).toMatchObject({ status: "ready", ingestionVersion: INGESTION_VERSION });
    expect(await t.mutation(internal.system.knowledge.reingest.reingestOutdated, {})).toBe(0);
  });
});
