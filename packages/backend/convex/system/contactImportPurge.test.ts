import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api, internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import { errorCodeOf } from "../lib/errors";
import { PURGE_BATCH } from "../lib/retention";
import {
  createOrganization,
  newTest,
  operator,
  settle,
  uploadFile,
  type TestConvex,
} from "../test.harness";

const DAY = 24 * 60 * 60 * 1000;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

type Admin = ReturnType<typeof operator>;

/** A file of `valid` contacts and `refused` rows without an email or phone. */
const csv = (valid: number, refused: number) =>
  [
    "name,email",
    ...Array.from({ length: valid }, (_, i) => `Person ${i},person${i}@example.com`),
    ...Array.from({ length: refused }, (_, i) => `Nobody ${i},`),
  ].join("\n");

async function prepare(t: TestConvex, admin: Admin, body: string) {
  const storageId = await uploadFile(t, admin, body, api.private.contactImport.generateUploadUrl);
  const jobId = await admin.action(api.private.contactImport.prepare, {
    storageId,
    fileName: "contacts.csv",
  });
  return { jobId, storageId };
}

async function runImport(t: TestConvex, admin: Admin, body: string) {
  const opened = await prepare(t, admin, body);
  await admin.mutation(api.private.contactImport.start, {
    jobId: opened.jobId,
    mapping: { name: "name", email: "emails" },
    mode: "update",
  });
  await settle(t);
  return opened;
}

/** What is left of an import: its record (as the admin reads it), rejected rows, upload. */
async function leftOf(
  t: TestConvex,
  admin: Admin,
  jobId: Id<"contactImports">,
  storageId: Id<"_storage">,
) {
  const job = await admin
    .query(api.private.contactImport.get, { jobId })
    .then((found) => found.status, errorCodeOf);
  return await t.run(async (ctx) => ({
    job,
    rejections: (
      await ctx.db
        .query("contactImportRejections")
        .withIndex("by_job_and_row", (q) => q.eq("jobId", jobId))
        .collect()
    ).length,
    file: (await ctx.storage.get(storageId)) !== null,
    upload: (await ctx.db.query("uploads").collect()).some((row) => row.storageId === storageId),
  }));
}

describe("system.contactSessions.purgeExpired: contact imports", () => {
  test("an import is removed 30 days after it ended, with its rejected rows and its CSV; its contacts stay", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const purge = async () => {
      await t.mutation(internal.system.contactSessions.purgeExpired, {});
      await settle(t);
    };
    // More refused rows than one purge run deletes.
    const big = await runImport(t, admin, csv(3, PURGE_BATCH * 2 + 10));
    const abandoned = await prepare(t, admin, csv(1, 0));
    vi.advanceTimersByTime(10 * DAY);
    const recent = await runImport(t, admin, csv(1, 2));

    vi.advanceTimersByTime(20 * DAY - 60_000);
    await purge();
    expect(await leftOf(t, admin, big.jobId, big.storageId)).toEqual({
      job: "done",
      rejections: PURGE_BATCH * 2 + 10,
      file: true,
      upload: true,
    });
    // The report is still there to download.
    const { page } = await admin.query(api.private.contactImport.rejections, {
      jobId: big.jobId,
      paginationOpts: { numItems: 5, cursor: null },
    });
    expect(page.map((row) => row.reason.code)).toEqual(Array(5).fill("MISSING_IDENTITY"));

    vi.advanceTimersByTime(2 * 60_000);
    await purge();
    const gone = { job: "NOT_FOUND", rejections: 0, file: false, upload: false };
    expect(await leftOf(t, admin, big.jobId, big.storageId)).toEqual(gone);
    expect(await leftOf(t, admin, abandoned.jobId, abandoned.storageId)).toEqual(gone);
    expect(await leftOf(t, admin, recent.jobId, recent.storageId)).toEqual({
      job: "done",
      rejections: 2,
      file: true,
      upload: true,
    });
    const names = await t.run(async (ctx) =>
      (await ctx.db.query("contacts").collect()).map((contact) => contact.name).sort(),
    );
    expect(names).toEqual(["Person 0", "Person 1", "Person 2"]);

    vi.advanceTimersByTime(10 * DAY);
    await purge();
    expect(await leftOf(t, admin, recent.jobId, recent.storageId)).toEqual(gone);
  });

  test("ECHO_IMPORT_RETENTION_DAYS sets the retention", async () => {
    vi.stubEnv("ECHO_IMPORT_RETENTION_DAYS", "2");
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    const { jobId, storageId } = await runImport(t, admin, csv(1, 1));
    vi.advanceTimersByTime(2 * DAY + 1000);
    await t.mutation(internal.system.contactSessions.purgeExpired, {});
    expect(await leftOf(t, admin, jobId, storageId)).toMatchObject({
      job: "NOT_FOUND",
      file: false,
    });
  });
});
