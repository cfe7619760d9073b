import { describe, expect, it } from "vitest";

import {
  assigneeOfValue,
  describeAssignee,
  type Member,
  memberValue,
  otherMembers,
  UNASSIGNED,
} from "./assignees";

const member = (userId: string, name: string, role: Member["role"] = "member"): Member => ({
  userId,
  role,
  name,
  email: `${userId}@example.com`,
  imageUrl: null,
});
const members = [member("u_owner", "Olga Owner", "owner"), member("u_mia", "Mia Member")];

describe("assignees", () => {
  it("names the assignee for the signed-in operator", () => {
    expect(describeAssignee(undefined, members, "u_owner")).toEqual({ kind: "unassigned" });
    expect(describeAssignee(null, members, "u_owner")).toEqual({ kind: "unassigned" });
    expect(describeAssignee("u_owner", members, "u_owner")).toEqual({ kind: "me" });
    expect(describeAssignee("u_mia", members, "u_owner")).toEqual({
      kind: "member",
      name: "Mia Member",
    });
    expect(describeAssignee("u_gone", members, "u_owner")).toEqual({ kind: "unlisted" });
  });

  it("leaves the operator out of the other members, keeping the backend's order", () => {
    const more = [...members, member("u_ann", "Ann Admin", "admin")];
    expect(otherMembers(more, "u_owner").map((m) => m.userId)).toEqual(["u_mia", "u_ann"]);
    expect(otherMembers(more, "u_mia").map((m) => m.userId)).toEqual(["u_owner", "u_ann"]);
  });

  it("round-trips option values, so a user id can never read as unassigned", () => {
    expect(assigneeOfValue(UNASSIGNED)).toBeNull();
    expect(assigneeOfValue(memberValue("u_mia"))).toBe("u_mia");
    expect(assigneeOfValue(memberValue(UNASSIGNED))).toBe(UNASSIGNED);
    expect(() => assigneeOfValue("u_mia")).toThrow('Not an assignee option: "u_mia"');
    expect(() => assigneeOfValue("user:")).toThrow("Not an assignee option");
  });
});
