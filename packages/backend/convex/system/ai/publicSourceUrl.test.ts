import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../../_generated/api";
import {
  createOrganization,
  messagesOf,
  newTest,
  operator,
  sendAndSettle,
  settle,
  startConversation,
  type TestConvex,
  uploadFile,
} from "../../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubEnv("CONVEX_SITE_URL", "https://echo.example.com");
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const SHIPPING = `# Shipping

## Delivery times
Standard shipping inside the country takes 3 to 5 business days and is free on orders
over $50. Express shipping arrives the next business day and costs $15.
`;
const TRIAL = `# Trial

## Free trial
The free trial lasts 14 days and does not require a credit card.
`;

async function addFile(t: TestConvex, name: string, text: string, publicUrl?: string) {
  const admin = operator(t, "org_a", "admin");
  const storageId = await uploadFile(t, admin, text);
  return await admin.mutation(api.private.knowledgeFiles.add, { storageId, name, publicUrl });
}

async function reply(t: TestConvex, question: string) {
  const ids = await startConversation(t, "org_a");
  await sendAndSettle(t, ids, question);
  return (await messagesOf(t, ids)).at(-1)!.text;
}

describe("a knowledge file's public URL as the answer's source", () => {
  test("an answer links to the file's public URL when the admin gave one, else to the passage page", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await addFile(t, "shipping.md", SHIPPING, "  https://help.acme.example/shipping  ");
    await addFile(t, "trial.md", TRIAL);
    await settle(t);

    const shipping = await reply(t, "How long does standard shipping take?");
    expect(shipping).toContain(
      "Source: [shipping.md › Shipping › Delivery times](https://help.acme.example/shipping)",
    );
    const trial = await reply(t, "Does the free trial need a credit card?");
    expect(trial).toContain("(https://echo.example.com/knowledge/passage?");
    expect(trial).not.toContain("help.acme.example");

    const files = await operator(t, "org_a", "member").query(api.private.knowledgeFiles.list, {
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(files.page.map((f) => f.publicUrl)).toEqual([
      undefined,
      "https://help.acme.example/shipping",
    ]);
  });

  test("only https addresses are accepted, and http://localhost only in local mode", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    for (const bad of [
      "http://help.acme.example/x",
      "javascript:alert(1)",
      "help.acme.example",
      "https://user:secret@help.acme.example/",
      "http://localhost:3000/help",
    ]) {
      await expect(addFile(t, "shipping.md", SHIPPING, bad)).rejects.toThrow(/INVALID_URL/);
    }
    vi.stubEnv("CONVEX_SITE_URL", "http://127.0.0.1:3211");
    const fileId = await addFile(t, "shipping.md", SHIPPING, "http://localhost:3000/help");
    const file = await t.run(async (ctx) => await ctx.db.get(fileId));
    expect(file?.publicUrl).toBe("http://localhost:3000/help");
    const blank = await addFile(t, "trial.md", TRIAL, "   ");
    expect((await t.run(async (ctx) => await ctx.db.get(blank)))?.publicUrl).toBeUndefined();
  });

  test("another organization's file id never lends its public URL", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const fileId = await addFile(t, "shipping.md", SHIPPING, "https://help.acme.example/shipping");
    const { internal } = await import("../../_generated/api");
    expect(
      await t.query(internal.system.knowledge.files.publicUrls, {
        organizationId: "org_b",
        fileIds: [fileId, "not-an-id"],
      }),
    ).toEqual({});
    expect(
      await t.query(internal.system.knowledge.files.publicUrls, {
        organizationId: "org_a",
        fileIds: [fileId],
      }),
    ).toEqual({ [fileId]: "https://help.acme.example/shipping" });
  });
});
