import { describe, expect, it } from "vitest";

import {
  EMPTY_FILTERS,
  customFieldArg,
  segmentFiltersOf,
  stateFromSegment,
  type FieldDefinition,
} from "./contact-filter-args";

const fields: FieldDefinition[] = [
  { key: "city", label: "City", type: "text", options: [] },
  { key: "seats", label: "Seats", type: "number", options: [] },
  { key: "renews", label: "Renews", type: "date", options: [] },
  { key: "plan", label: "Plan", type: "select", options: ["basic", "pro"] },
  { key: "trial", label: "Trial", type: "boolean", options: [] },
];
const field = (key: string) => fields.find((f) => f.key === key);

describe("contact filter arguments", () => {
  it("turns each field type's condition into the backend's", () => {
    const arg = (key: string, operator: string, value: string, to = "") =>
      customFieldArg({ key, operator: operator as never, value, to }, field(key));
    expect(arg("city", "contains", " rec ")).toEqual({ key: "city", contains: "rec" });
    expect(arg("city", "equals", "Recife")).toEqual({ key: "city", value: "Recife" });
    expect(arg("seats", "between", "10", "")).toEqual({ key: "seats", min: 10 });
    expect(arg("seats", "between", "1,5", "20")).toEqual({ key: "seats", min: 1.5, max: 20 });
    expect(arg("seats", "between", "ten", "")).toBeUndefined();
    expect(arg("renews", "before", "2026-04-01")).toEqual({ key: "renews", max: "2026-04-01" });
    expect(arg("renews", "after", "2026-04-01")).toEqual({ key: "renews", min: "2026-04-01" });
    expect(arg("renews", "after", "")).toBeUndefined();
    expect(arg("plan", "is", "pro")).toEqual({ key: "plan", value: "pro" });
    expect(arg("trial", "is", "false")).toEqual({ key: "trial", value: false });
    expect(arg("gone", "is", "x")).toBeUndefined();
  });

  it("keeps only the filters that are set, with every tag lowercased", () => {
    expect(segmentFiltersOf(EMPTY_FILTERS, fields)).toEqual({});
    expect(
      segmentFiltersOf(
        {
          ...EMPTY_FILTERS,
          search: "ana",
          stage: "customer",
          tag: "VIP, renewal ,",
          lastSeen: "7d",
          field: { key: "seats", operator: "between", value: "10", to: "" },
        },
        fields,
      ),
    ).toEqual({
      stage: "customer",
      tags: ["vip", "renewal"],
      lastSeen: "7d",
      customField: { key: "seats", min: 10 },
    });
  });

  it("opens a saved segment back into the same filters", () => {
    for (const filters of [
      { tags: ["vip", "renewal"], channel: "widget" as const },
      { customField: { key: "city", contains: "rec" }, lastSeen: "older30d" as const },
      { customField: { key: "seats", min: 2, max: 9 } },
      { customField: { key: "renews", max: "2026-04-01" } },
      { customField: { key: "plan", value: "pro" } },
      { customField: { key: "trial", value: true } },
    ]) {
      const state = stateFromSegment(filters, { sort: "name", order: "asc" });
      expect(state.sort).toBe("name");
      expect(segmentFiltersOf(state, fields)).toEqual(filters);
    }
  });
});
