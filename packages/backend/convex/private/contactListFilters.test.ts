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

const DAY = 86_400_000;
const page = { numItems: 50, cursor: null };

/** Four contacts created a day apart (Ana oldest), with one custom field of each type. */
async function world() {
  const t = newTest();
  await createOrganization(t, "org_a");
  await createOrganization(t, "org_b");
  const admin = operator(t, "org_a", "admin");
  const define = (key: string, type: "text" | "number" | "date" | "select" | "boolean") =>
    admin.mutation(api.private.contactFields.define, {
      key,
      label: key,
      type,
      ...(type === "select" ? { options: ["basic", "pro"] } : {}),
    });
  await define("city", "text");
  await define("seats", "number");
  await define("renews", "date");
  await define("plan", "select");
  await define("trial", "boolean");
  const people = [
    ["Dora", { city: "São Paulo", seats: 3, renews: "2026-01-15", plan: "basic", trial: true }],
    ["ana", { city: "Recife", seats: 12, renews: "2026-04-01", plan: "pro", trial: false }],
    ["Caio", { city: "Porto Alegre", seats: 40, renews: "2026-06-30", plan: "pro" }],
    ["Bia", {}],
  ] as const;
  for (const [name, customFields] of people) {
    await admin.mutation(api.private.contacts.create, { name, customFields, stage: "customer" });
    vi.advanceTimersByTime(DAY);
  }
  const names = async (args: Record<string, unknown>) =>
    (await admin.query(api.private.contacts.list, { paginationOpts: page, ...args })).page.map(
      (contact) => contact.name,
    );
  return { t, admin, names };
}

describe("private.contacts.list: custom fields, last seen and sort", () => {
  test("filters by a custom field per its type", async () => {
    const { names } = await world();
    const by = (customField: Record<string, unknown>) =>
      names({ customField, sort: "created", order: "asc" });
    expect(await by({ key: "city", contains: "  porto " })).toEqual(["Caio"]);
    expect(await by({ key: "city", value: "Recife" })).toEqual(["ana"]);
    expect(await by({ key: "seats", min: 10 })).toEqual(["ana", "Caio"]);
    expect(await by({ key: "seats", min: 10, max: 20 })).toEqual(["ana"]);
    expect(await by({ key: "renews", max: "2026-03-31" })).toEqual(["Dora"]);
    expect(await by({ key: "renews", min: "2026-04-01" })).toEqual(["ana", "Caio"]);
    expect(await by({ key: "plan", value: "pro" })).toEqual(["ana", "Caio"]);
    expect(await by({ key: "trial", value: false })).toEqual(["ana"]);
    // A bound of the wrong type matches nothing rather than comparing text with numbers.
    expect(await by({ key: "seats", min: "10" })).toEqual([]);
  });

  test("filters by a last-seen window, combined with the stage and a custom field", async () => {
    const { names } = await world();
    // Now is a day after Bia was created: Bia 1 day ago, Caio 2, ana 3, Dora 4.
    expect(await names({ lastSeen: "24h" })).toEqual(["Bia"]);
    expect(await names({ lastSeen: "7d", stage: "customer" })).toEqual([
      "Bia",
      "Caio",
      "ana",
      "Dora",
    ]);
    vi.advanceTimersByTime(27 * DAY);
    expect(await names({ lastSeen: "30d" })).toEqual(["Bia", "Caio", "ana"]);
    expect(await names({ lastSeen: "older30d" })).toEqual(["Dora"]);
    expect(
      await names({
        lastSeen: "30d",
        customField: { key: "plan", value: "pro" },
        stage: "customer",
      }),
    ).toEqual(["Caio", "ana"]);
    expect(await names({ lastSeen: "30d", stage: "lead" })).toEqual([]);
  });

  test("sorts by name, creation or last seen, either way", async () => {
    const { names } = await world();
    expect(await names({ sort: "created", order: "asc" })).toEqual(["Dora", "ana", "Caio", "Bia"]);
    expect(await names({ sort: "created" })).toEqual(["Bia", "Caio", "ana", "Dora"]);
    expect(await names({ sort: "lastSeen" })).toEqual(["Bia", "Caio", "ana", "Dora"]);
    // Names sort as stored: upper case before lower case.
    expect(await names({ sort: "name", order: "asc" })).toEqual(["Bia", "Caio", "Dora", "ana"]);
  });

  test("the CSV export takes the same filters, and another organization gets none of them", async () => {
    const { t, admin } = await world();
    const csv = await admin.query(api.private.contactHistory.exportCsv, {
      customField: { key: "seats", min: 10 },
      lastSeen: "7d",
    });
    const { data } = Papa.parse<Record<string, string>>(csv, { header: true });
    expect(data.map((row) => [row.name, row.seats])).toEqual([
      ["Caio", "40"],
      ["ana", "12"],
    ]);
    const other = operator(t, "org_b", "owner");
    expect(
      (await other.query(api.private.contacts.list, { paginationOpts: page, sort: "name" })).page,
    ).toEqual([]);
    expect(
      await other.query(api.private.contactHistory.exportCsv, {
        customField: { key: "seats", min: 0 },
      }),
    ).not.toContain("Caio");
  });
});
