import Papa from "papaparse";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";

import { api } from "../_generated/api";
import { createOrganization, newTest, operator } from "../test.harness";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-03-10T12:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

describe("private.contactHistory.exportCsv", () => {
  test("exports the segment's contacts with their custom fields, and only the caller's", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    await createOrganization(t, "org_b");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.contactFields.define, {
      key: "seats",
      label: "Seats",
      type: "number",
    });
    await admin.mutation(api.private.contacts.create, {
      name: '=HYPERLINK("http://evil")',
      emails: ["ana@example.com", "ana@work.example"],
      stage: "customer",
      tags: ["vip"],
      customFields: { seats: 12 },
    });
    await admin.mutation(api.private.contacts.create, { name: "Bruno", stage: "lead" });
    const csv = await admin.query(api.private.contactHistory.exportCsv, { tag: "vip" });
    const { data } = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({
      name: '\'=HYPERLINK("http://evil")',
      emails: "ana@example.com;ana@work.example",
      stage: "customer",
      tags: "vip",
      channel: "manual",
      seats: "12",
      firstSeenAt: expect.stringMatching(/^2026-03-10T12:00:00/),
    });
    const leads = Papa.parse<Record<string, string>>(
      await admin.query(api.private.contactHistory.exportCsv, { stage: "lead" }),
      { header: true },
    );
    expect(leads.data.map((row) => row.name)).toEqual(["Bruno"]);

    const other = await operator(t, "org_b", "owner").query(
      api.private.contactHistory.exportCsv,
      {},
    );
    expect(other).not.toContain("ana@example.com");
    expect(other).not.toContain("Bruno");
  });

  test("exports a saved segment: its tags and custom field value", async () => {
    const t = newTest();
    await createOrganization(t, "org_a");
    const admin = operator(t, "org_a", "admin");
    await admin.mutation(api.private.contactFields.define, {
      key: "plan",
      label: "Plan",
      type: "select",
      options: ["basic", "pro"],
    });
    await admin.mutation(api.private.contacts.create, {
      name: "Ana",
      tags: ["vip", "renewal"],
      customFields: { plan: "pro" },
    });
    await admin.mutation(api.private.contacts.create, {
      name: "Bo",
      tags: ["vip"],
      customFields: { plan: "pro" },
    });
    await admin.mutation(api.private.contacts.create, {
      name: "Cy",
      tags: ["vip", "renewal"],
      customFields: { plan: "basic" },
    });
    const segmentId = await admin.mutation(api.private.contactSegments.save, {
      name: "Pro renewals",
      filters: { tags: ["vip", "renewal"], customField: { key: "plan", value: "pro" } },
    });
    const segment = (await admin.query(api.private.contactSegments.list, {})).find(
      (s) => s._id === segmentId,
    )!;
    const csv = await admin.query(api.private.contactHistory.exportCsv, segment.filters);
    const { data } = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(data.map((row) => row.name)).toEqual(["Ana"]);
  });
});
