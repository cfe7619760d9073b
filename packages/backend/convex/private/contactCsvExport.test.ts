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
});
