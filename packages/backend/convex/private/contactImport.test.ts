import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";

import { errorCodeOf } from "../lib/errors";
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

const CSV = [
  "Full name,E-mail,Mobile,Company,Stage,Tags,Seats",
  "Ana Lima,ana@example.com,+5511987650001,Acme,customer,vip;beta,12",
  "Bruno Reis,bruno@example.com,,Bolt,lead,,3",
  // The same person as Ana by phone, with a second email.
  "Ana L.,ana@work.example,+55 11 98765-0001,,,,",
  "Carla,carla@example,,,,,",
  "Dora,,12345,,,,",
  "Eva,eva@example.com,,,,,many",
  "Fábio,fabio@example.com,,,boss,,",
  "Gil,,,,,,",
  "Hana,hana@example.com,+14155550100,,prospect,,1",
].join("\n");

type Admin = ReturnType<typeof operator>;

async function setUp(t: TestConvex, orgId = "org_a") {
  await createOrganization(t, orgId);
  const admin = operator(t, orgId, "admin");
  await admin.mutation(api.private.contactFields.define, {
    key: "seats",
    label: "Seats",
    type: "number",
  });
  return admin;
}

async function upload(t: TestConvex, admin: Admin, body: BlobPart) {
  return await uploadFile(t, admin, body, api.private.contactImport.generateUploadUrl);
}

async function prepare(t: TestConvex, admin: Admin, body: BlobPart) {
  const storageId = await upload(t, admin, body);
  return await admin.action(api.private.contactImport.prepare, {
    storageId,
    fileName: "contacts.csv",
  });
}

const MAPPING = {
  "Full name": "name",
  "E-mail": "emails",
  Mobile: "phones",
  Company: "company",
  Stage: "stage",
  Tags: "tags",
  Seats: "custom:seats",
};

async function runImport(
  t: TestConvex,
  admin: Admin,
  body: BlobPart,
  mode: "update" | "skip",
  mapping: Record<string, string> = MAPPING,
) {
  const jobId = await prepare(t, admin, body);
  await admin.mutation(api.private.contactImport.start, { jobId, mapping, mode });
  await settle(t);
  return jobId;
}

async function contactsOf(t: TestConvex, orgId: string) {
  return await t.run(async (ctx) =>
    (await ctx.db.query("contacts").collect())
      .filter((contact) => contact.organizationId === orgId)
      .map(({ _creationTime: _c, ...contact }) => contact),
  );
}

async function refusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return errorCodeOf(error);
  }
  throw new Error("the call succeeded");
}

describe("private.contactImport", () => {
  test("previews the file and suggests a mapping by column name", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const jobId = await prepare(t, admin, CSV);
    const job = await admin.query(api.private.contactImport.get, { jobId });
    expect(job.status).toBe("mapping");
    expect(job.headers).toEqual(Object.keys(MAPPING));
    expect(job.preview).toHaveLength(5);
    expect(job.preview[0]).toEqual(CSV.split("\n")[1]!.split(","));
    expect(job.mapping).toEqual(MAPPING);
    expect(await contactsOf(t, "org_a")).toEqual([]);
  });

  test("imports new contacts, merges duplicates of the file and reports each refused row", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const jobId = await runImport(t, admin, CSV, "update");
    const job = await admin.query(api.private.contactImport.get, { jobId });
    expect(job).toMatchObject({
      status: "done",
      totalRows: 9,
      processedRows: 9,
      imported: 3,
      updated: 0,
      skipped: 1,
      rejected: 5,
    });
    const contacts = await contactsOf(t, "org_a");
    const ana = contacts.find((contact) => contact.emails.includes("ana@example.com"))!;
    expect(ana).toMatchObject({
      name: "Ana L.",
      emails: ["ana@example.com", "ana@work.example"],
      phones: ["+5511987650001"],
      company: "Acme",
      stage: "customer",
      tags: ["vip", "beta"],
      customFields: { seats: 12 },
      channel: "import",
    });
    expect(contacts.map((contact) => contact.name).sort()).toEqual([
      "Ana L.",
      "Bruno Reis",
      "Hana",
    ]);
    const { page } = await admin.query(api.private.contactImport.rejections, {
      jobId,
      paginationOpts: { numItems: 50, cursor: null },
    });
    expect(page.map(({ row, reason }) => [row, reason.code, reason.column, reason.value])).toEqual([
      [5, "INVALID_EMAIL", "E-mail", "carla@example"],
      [6, "INVALID_PHONE", "Mobile", "12345"],
      [7, "INVALID_FIELD_VALUE", "Seats", "many"],
      [8, "INVALID_STAGE", "Stage", "boss"],
      [9, "MISSING_IDENTITY", undefined, undefined],
    ]);
    expect(page[0]!.cells).toEqual(["Carla", "carla@example", "", "", "", "", ""]);
  });

  test("skip mode leaves existing contacts as they are; update mode fills them in", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const brunoId = await admin.mutation(api.private.contacts.create, {
      name: "Bruno",
      emails: ["bruno@example.com"],
    });
    const skipped = await runImport(t, admin, CSV, "skip");
    expect(await admin.query(api.private.contactImport.get, { jobId: skipped })).toMatchObject({
      imported: 2,
      updated: 0,
      skipped: 2,
      rejected: 5,
    });
    const untouched = await admin.query(api.private.contacts.get, { contactId: brunoId });
    expect(untouched.name).toBe("Bruno");
    expect(untouched.company).toBeUndefined();
    const updated = await runImport(t, admin, CSV, "update");
    expect(await admin.query(api.private.contactImport.get, { jobId: updated })).toMatchObject({
      imported: 0,
      updated: 2,
      skipped: 2,
    });
    expect(await admin.query(api.private.contacts.get, { contactId: brunoId })).toMatchObject({
      name: "Bruno Reis",
      company: "Bolt",
      stage: "lead",
      customFields: { seats: 3 },
    });
  });

  test("importing the same file again changes nothing", async () => {
    const t = newTest();
    const admin = await setUp(t);
    await runImport(t, admin, CSV, "update");
    const before = await contactsOf(t, "org_a");
    for (const mode of ["update", "skip"] as const) {
      const jobId = await runImport(t, admin, CSV, mode);
      expect(await admin.query(api.private.contactImport.get, { jobId })).toMatchObject({
        imported: 0,
        updated: 0,
        skipped: 4,
        rejected: 5,
      });
      expect(await contactsOf(t, "org_a")).toEqual(before);
    }
  });

  test("a row matching two existing contacts is refused instead of joining them", async () => {
    const t = newTest();
    const admin = await setUp(t);
    await admin.mutation(api.private.contacts.create, { name: "A", emails: ["a@example.com"] });
    await admin.mutation(api.private.contacts.create, { name: "B", phones: ["+5511987650009"] });
    const jobId = await runImport(
      t,
      admin,
      "email,phone\na@example.com,+5511987650009\n",
      "update",
      { email: "emails", phone: "phones" },
    );
    const { page } = await admin.query(api.private.contactImport.rejections, {
      jobId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(page.map((rejection) => rejection.reason.code)).toEqual(["MATCHES_SEVERAL"]);
  });

  test("remembers the organization's mapping and mode for the next file", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const csv = "Cliente,Contato,Assentos\nAna,ana@example.com,2\n";
    const first = await prepare(t, admin, csv);
    expect((await admin.query(api.private.contactImport.get, { jobId: first })).mapping).toEqual({
      Cliente: "ignore",
      Contato: "name",
      Assentos: "ignore",
    });
    const mapping = { Cliente: "name", Contato: "emails", Assentos: "custom:seats" };
    await admin.mutation(api.private.contactImport.start, {
      jobId: first,
      mapping,
      mode: "update",
    });
    await settle(t);
    const second = await admin.query(api.private.contactImport.get, {
      jobId: await prepare(t, admin, csv),
    });
    expect(second).toMatchObject({ mapping, mode: "update" });
  });

  test("a large file is written in batches, each its own transaction", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const rows = Array.from({ length: 1100 }, (_, i) => `Person ${i},p${i}@example.com`);
    const jobId = await prepare(t, admin, ["name,email", ...rows].join("\n"));
    await admin.mutation(api.private.contactImport.start, {
      jobId,
      mapping: { name: "name", email: "emails" },
      mode: "skip",
    });
    await settle(t);
    expect(await admin.query(api.private.contactImport.get, { jobId })).toMatchObject({
      status: "done",
      processedRows: 1100,
      imported: 1100,
      batches: 28,
    });
    const applied = await t.run(async (ctx) =>
      (await ctx.db.system.query("_scheduled_functions").collect()).filter((fn) =>
        fn.name.includes("contactImportBatch"),
      ),
    );
    // One action writes up to 25 batches, each through its own mutation, then hands over.
    expect(applied.map((fn) => [fn.args[0].index, fn.state.kind])).toEqual([
      [0, "success"],
      [25, "success"],
    ]);
    expect(
      await t.run(async (ctx) => await ctx.db.query("contactImportBatches").collect()),
    ).toEqual([]);
  });
});

describe("private.contactImport refuses bad files and imports nothing", () => {
  async function expectRefused(body: BlobPart, code: string) {
    const t = newTest();
    const admin = await setUp(t);
    const storageId = await upload(t, admin, body);
    expect(
      await refusal(
        admin.action(api.private.contactImport.prepare, { storageId, fileName: "x.csv" }),
      ),
    ).toBe(code);
    expect(await t.run(async (ctx) => await ctx.db.query("contactImports").collect())).toEqual([]);
    expect(await contactsOf(t, "org_a")).toEqual([]);
    expect(await t.run(async (ctx) => await ctx.db.system.get(storageId))).toBeNull();
  }

  test("not UTF-8 (Latin-1 bytes)", async () => {
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode("name,email\nJos"),
      0xe9,
      ...new TextEncoder().encode(",jose@example.com\n"),
    ]);
    await expectRefused(latin1, "IMPORT_NOT_UTF8");
  });

  test("no header: the first line is already a contact", async () => {
    await expectRefused("Ana,ana@example.com\nBruno,bruno@example.com\n", "IMPORT_NO_HEADER");
  });

  test("an empty file", async () => {
    await expectRefused("", "IMPORT_NO_HEADER");
  });

  test("more than 100 MB", async () => {
    await expectRefused(new Uint8Array(100 * 1024 * 1024 + 1).fill(0x61), "IMPORT_TOO_LARGE");
  });

  test("a mapping without an email or phone column cannot start", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const jobId = await prepare(t, admin, CSV);
    expect(
      await refusal(
        admin.mutation(api.private.contactImport.start, {
          jobId,
          mapping: { "Full name": "name" },
          mode: "skip",
        }),
      ),
    ).toBe("INVALID_INPUT");
    expect(
      await refusal(
        admin.mutation(api.private.contactImport.start, {
          jobId,
          mapping: { "E-mail": "emails", Seats: "custom:nope" },
          mode: "skip",
        }),
      ),
    ).toBe("INVALID_INPUT");
  });
});

describe("private.contactImport: admins of the organization only", () => {
  test("members cannot import or read an import", async () => {
    const t = newTest();
    const admin = await setUp(t);
    const jobId = await prepare(t, admin, CSV);
    const member = operator(t, "org_a", "member");
    expect(await refusal(member.mutation(api.private.contactImport.generateUploadUrl, {}))).toBe(
      "UNAUTHORIZED",
    );
    const storageId = await upload(t, admin, CSV);
    expect(
      await refusal(member.action(api.private.contactImport.prepare, { storageId, fileName: "x" })),
    ).toBe("UNAUTHORIZED");
    expect(
      await refusal(
        member.mutation(api.private.contactImport.start, { jobId, mapping: MAPPING, mode: "skip" }),
      ),
    ).toBe("UNAUTHORIZED");
    expect(await refusal(member.query(api.private.contactImport.get, { jobId }))).toBe(
      "UNAUTHORIZED",
    );
  });

  test("an import of organization B never reads or changes A's contacts or imports", async () => {
    const t = newTest();
    const adminA = await setUp(t, "org_a");
    const adminB = await setUp(t, "org_b");
    await runImport(t, adminA, CSV, "update");
    const jobA = await prepare(t, adminA, CSV);
    const contactsA = await contactsOf(t, "org_a");
    const jobB = await runImport(t, adminB, CSV, "update");
    expect(await adminB.query(api.private.contactImport.get, { jobId: jobB })).toMatchObject({
      imported: 3,
      updated: 0,
    });
    expect(await contactsOf(t, "org_a")).toEqual(contactsA);
    expect((await contactsOf(t, "org_b")).map((contact) => contact.organizationId)).toEqual([
      "org_b",
      "org_b",
      "org_b",
    ]);
    for (const call of [
      adminB.query(api.private.contactImport.get, { jobId: jobA }),
      adminB.mutation(api.private.contactImport.start, {
        jobId: jobA,
        mapping: MAPPING,
        mode: "update",
      }),
      adminB.query(api.private.contactImport.rejections, {
        jobId: jobA,
        paginationOpts: { numItems: 10, cursor: null },
      }),
    ])
      expect(await refusal(call)).toBe("NOT_FOUND");
    // A's uploaded file cannot be claimed by B for its own import.
    const storageA = await upload(t, adminA, CSV);
    await adminA.action(api.private.contactImport.prepare, { storageId: storageA, fileName: "a" });
    expect(
      await refusal(
        adminB.action(api.private.contactImport.prepare, { storageId: storageA, fileName: "b" }),
      ),
    ).toBe("INVALID_FILE");
    expect((await adminA.query(api.private.contactImport.get, { jobId: jobA })).status).toBe(
      "mapping",
    );
  });
});
