import { describe, expect, it } from "vitest";

import { assigneeQueryArg, parseAssigneeFilter } from "./assignee-filter";

describe("the inbox's assignee filter", () => {
  it("reads the search parameter, falling back to everyone's conversations", () => {
    expect(parseAssigneeFilter(null)).toBe("all");
    expect(parseAssigneeFilter("")).toBe("all");
    expect(parseAssigneeFilter("bogus")).toBe("all");
    expect(parseAssigneeFilter("user:")).toBe("all");
    expect(parseAssigneeFilter("me")).toBe("me");
    expect(parseAssigneeFilter("unassigned")).toBe("unassigned");
    expect(parseAssigneeFilter("user:u_mia")).toBe("user:u_mia");
  });

  it("becomes the inbox query's assigneeId", () => {
    expect(assigneeQueryArg("all", "u_owner")).toEqual({ assigneeId: undefined });
    expect(assigneeQueryArg("unassigned", "u_owner")).toEqual({ assigneeId: null });
    expect(assigneeQueryArg("me", "u_owner")).toEqual({ assigneeId: "u_owner" });
    expect(assigneeQueryArg("user:u_mia", undefined)).toEqual({ assigneeId: "u_mia" });
  });

  it("waits for the operator's id before asking for their own conversations", () => {
    expect(assigneeQueryArg("me", undefined)).toBe("skip");
  });
});
