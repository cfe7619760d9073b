import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import {
  createOrganization,
  newTest,
  operator,
  settle,
  uploadFile,
  type TestConvex,
} from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

const CSV = ["Name,E-mail", "Ana,ana@example.com", "Bruno,bruno@example.com"].join("\n");
const MAPPING = { Name: "name", "E-mail": "emails" };

/** An email that still points at a contact deleted underneath it: writing that row throws. */
async function breakIdentifier(t: TestConvex, admin: ReturnType<typeof operator>, value: string) {
  const contactId = await admin.mutation(api.private.contacts.create, {
    name: "Gone",
    emails: [value],
  });
  await t.run(async (ctx) => await ctx.db.delete(contactId as Id<"contacts">));
  return await t.run(async (ctx) => {
    const row = await ctx.db
      .query("contactIdentifiers")
      .withIndex("by_contact", (q) => q.eq("contactId", contactId as Id<"contacts">))
      .first();
    return row!._id;
  });
}

async function failedImport(t: TestConvex) {
  await createOrganization(t, "org_a");
  const admin = operator(t, "org_a", "admin");
  const identifierId = await breakIdentifier(t, admin, "ana@example.com");
  const storageId = await uploadFile(t, admin, CSV, api.private.contactImport.generateUploadUrl);
  const jobId = await admin.action(api.private.contactImport.prepare, {
    storageId,
    fileName: "contacts.csv",
  });
  await admin.mutation(api.private.contactImport.start, {
    jobId,
    mapping: MAPPING,
    mode: "update",
  });
  await settle(t);
  return { admin, jobId, identifierId };
}

async function contactNames(t: TestConvex) {
  return await t.run(async (ctx) =>
    (await ctx.db.query("contacts").collect()).map((contact) => contact.name).sort(),
  );
}

describe("a contact import whose batch fails", () => {
  test("is marked failed with the reason and the batch, and is offered again after a reload", async () => {
    const t = newTest();
    const { admin, jobId } = await failedImport(t);
    const job = await admin.query(api.private.contactImport.get, { jobId });
    expect(job).toMatchObject({ status: "failed", error: "BATCH_FAILED", failedBatch: 0 });
    expect(job.finishedAt).toBeDefined();
    expect(await admin.query(api.private.contactImport.unfinished, {})).toBe(jobId);
    expect(await contactNames(t)).toEqual([]);
  });

  test("the admin retries it once the cause is gone and it finishes", async () => {
    const t = newTest();
    const { admin, jobId, identifierId } = await failedImport(t);
    await t.run(async (ctx) => await ctx.db.delete(identifierId));
    await admin.mutation(api.private.contactImport.retry, { jobId });
    await settle(t);
    const job = await admin.query(api.private.contactImport.get, { jobId });
    expect(job).toMatchObject({ status: "done", imported: 2, processedRows: 2 });
    expect(job.error).toBeUndefined();
    expect(await contactNames(t)).toEqual(["Ana", "Bruno"]);
    expect(await admin.query(api.private.contactImport.unfinished, {})).toBeNull();
  });

  test("the admin discards what it did not write; it is no longer offered", async () => {
    const t = newTest();
    const { admin, jobId } = await failedImport(t);
    await admin.mutation(api.private.contactImport.discard, { jobId });
    const batches = await t.run(
      async (ctx) => (await ctx.db.query("contactImportBatches").collect()).length,
    );
    expect(batches).toBe(0);
    const job = await admin.query(api.private.contactImport.get, { jobId });
    expect(job).toMatchObject({ status: "done", error: "BATCH_FAILED", processedRows: 0 });
    expect(job.failedBatch).toBeUndefined();
    expect(await admin.query(api.private.contactImport.unfinished, {})).toBeNull();
    await expect(admin.mutation(api.private.contactImport.retry, { jobId })).rejects.toThrow();
  });

  test("members cannot retry or discard", async () => {
    const t = newTest();
    const { jobId } = await failedImport(t);
    const member = operator(t, "org_a", "member");
    await expect(member.mutation(api.private.contactImport.retry, { jobId })).rejects.toThrow();
    await expect(member.mutation(api.private.contactImport.discard, { jobId })).rejects.toThrow();
  });
});
