import { describe, expect, it } from "vitest";

import { countActiveFilters } from "./active-filters";

const defaults = {
  assignee: "all" as const,
  triage: { tag: null, priority: "all" as const, sort: "recent" as const, snoozed: false },
  contact: { contactTag: null, contactStage: null },
  channel: "all" as const,
};

describe("countActiveFilters", () => {
  it("counts none at the defaults, and leaves out the snoozed view the status row shows", () => {
    expect(countActiveFilters(defaults)).toBe(0);
    expect(countActiveFilters({ ...defaults, triage: { ...defaults.triage, snoozed: true } })).toBe(
      0,
    );
  });

  it("counts each secondary filter that is set", () => {
    expect(
      countActiveFilters({
        assignee: "me",
        triage: { tag: "tag_1", priority: "urgent", sort: "priority", snoozed: false },
        contact: { contactTag: "vip", contactStage: "customer" },
        channel: "whatsapp",
      }),
    ).toBe(7);
    expect(countActiveFilters({ ...defaults, channel: "voice" })).toBe(1);
  });
});
