// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";

import { readResumePoint, rememberResumePoint } from "./resume-point";

beforeEach(() => localStorage.clear());

describe("resume point", () => {
  it("remembers the open conversation for the session that opened it", () => {
    rememberResumePoint(localStorage, "org_a", "s_1", { screen: "chat", conversationId: "c_1" });
    expect(readResumePoint(localStorage, "org_a", "s_1")).toBe("c_1");
    expect(readResumePoint(localStorage, "org_a", "s_2")).toBeNull();
    expect(readResumePoint(localStorage, "org_b", "s_1")).toBeNull();
  });

  it("forgets it when the visitor moves to another screen, not while the widget loads", () => {
    rememberResumePoint(localStorage, "org_a", "s_1", { screen: "chat", conversationId: "c_1" });
    rememberResumePoint(localStorage, "org_a", "s_1", { screen: "loading", conversationId: null });
    rememberResumePoint(localStorage, "org_a", "s_1", { screen: "auth", conversationId: null });
    expect(readResumePoint(localStorage, "org_a", "s_1")).toBe("c_1");
    rememberResumePoint(localStorage, "org_a", "s_1", {
      screen: "selection",
      conversationId: "c_1",
    });
    expect(readResumePoint(localStorage, "org_a", "s_1")).toBeNull();
    // A new conversation, not created yet: nothing to come back to.
    rememberResumePoint(localStorage, "org_a", "s_1", { screen: "chat", conversationId: "c_1" });
    rememberResumePoint(localStorage, "org_a", "s_1", { screen: "chat", conversationId: null });
    expect(readResumePoint(localStorage, "org_a", "s_1")).toBeNull();
  });

  it("reads a corrupt entry or missing storage as nowhere to return to", () => {
    localStorage.setItem("echo.resume.org_a", "{not json");
    expect(readResumePoint(localStorage, "org_a", "s_1")).toBeNull();
    expect(readResumePoint(null, "org_a", "s_1")).toBeNull();
  });
});
