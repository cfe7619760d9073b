import { describe, expect, it } from "vitest";

import type { FieldDefinition } from "../fields/lib/field-definition";
import { customFieldChanges, toFieldText } from "./custom-field-values";

const fields: FieldDefinition[] = [
  { key: "plan", label: "Plan", type: "select", options: ["Free", "Pro"] },
  { key: "seats", label: "Seats", type: "number", options: [] },
  { key: "renews", label: "Renews", type: "date", options: [] },
  { key: "vip", label: "VIP", type: "boolean", options: [] },
  { key: "note", label: "Note", type: "text", options: [] },
];

describe("custom field values in the contact form", () => {
  it("sends only what changed, each as its field's type", () => {
    const initial = { plan: "Free", seats: "3", vip: "no" };
    expect(
      customFieldChanges(fields, initial, {
        ...initial,
        plan: "Pro",
        seats: "12,5",
        renews: "2027-01-31",
        vip: "yes",
        note: "  calls on Fridays ",
      }),
    ).toEqual({
      customFields: {
        plan: "Pro",
        seats: 12.5,
        renews: "2027-01-31",
        vip: true,
        note: "calls on Fridays",
      },
    });
  });

  it("clears an emptied field by name and leaves a wrong number for the backend to refuse", () => {
    expect(
      customFieldChanges(fields, { plan: "Pro", seats: "3" }, { plan: "", seats: "lots" }),
    ).toEqual({ customFields: { seats: "lots" }, clearCustomFields: ["plan"] });
    expect(customFieldChanges(fields, { seats: "3" }, { seats: "3" })).toEqual({});
  });

  it("reads stored values back as the form's text", () => {
    expect([true, false, 12, "2027-01-31", undefined].map(toFieldText)).toEqual([
      "yes",
      "no",
      "12",
      "2027-01-31",
      "",
    ]);
  });
});
