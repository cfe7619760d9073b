import { describe, expect, it } from "vitest";

import { parseStatusFilter, statusActions, statusBadgeVariant } from "./conversation-status";

describe("conversation status", () => {
  it("offers resolve and escalate while the AI handles a conversation", () => {
    expect(statusActions("unresolved").map((action) => action.to)).toEqual([
      "escalated",
      "resolved",
    ]);
  });

  it("offers resolve and hand-back once a person handles it", () => {
    expect(statusActions("escalated").map((action) => action.labelKey)).toEqual([
      "resolve",
      "handBack",
    ]);
  });

  it("only reopens a resolved conversation, to a person", () => {
    expect(statusActions("resolved")).toEqual([{ to: "escalated", labelKey: "reopen" }]);
  });

  it("marks escalated conversations for attention", () => {
    expect(statusBadgeVariant("escalated")).toBe("warning");
    expect(statusBadgeVariant("resolved")).toBe("success");
    expect(statusBadgeVariant("unresolved")).toBe("secondary");
  });

  it("reads the status filter from the URL, defaulting to all", () => {
    expect(parseStatusFilter("escalated")).toBe("escalated");
    expect(parseStatusFilter("deleted")).toBe("all");
    expect(parseStatusFilter(null)).toBe("all");
  });
});
