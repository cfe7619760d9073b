import { describe, expect, it } from "vitest";

import { asRole, assignableRoles, canManage } from "./roles";

describe("team roles", () => {
  it("lets owners and admins manage members, and only owners manage owners", () => {
    expect(canManage("owner", "owner")).toBe(true);
    expect(canManage("admin", "member")).toBe(true);
    expect(canManage("admin", "owner")).toBe(false);
    expect(canManage("member", "member")).toBe(false);
    expect(canManage("member")).toBe(false);
  });

  it("never lets an admin create an owner", () => {
    expect(assignableRoles("admin")).toEqual(["admin", "member"]);
    expect(assignableRoles("member")).toEqual([]);
  });

  it("treats unknown role strings as the least privileged role", () => {
    expect(asRole("org:admin")).toBe("member");
    expect(asRole("admin")).toBe("admin");
    expect(asRole(undefined)).toBe("member");
  });
});
