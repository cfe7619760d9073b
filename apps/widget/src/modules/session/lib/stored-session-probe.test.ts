// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";

import { storageKey } from "./contact-session-storage";
import { STORED_SESSION_ATTRIBUTE, storedSessionProbeScript } from "./stored-session-probe";

function runProbe(search: string) {
  window.history.replaceState(null, "", `/${search}`);
  new Function(storedSessionProbeScript())();
  return document.documentElement.hasAttribute(STORED_SESSION_ATTRIBUTE);
}

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute(STORED_SESSION_ATTRIBUTE);
});

describe("stored session probe", () => {
  it("marks the page when this organization has a stored session", () => {
    localStorage.setItem(
      storageKey("org_a"),
      JSON.stringify({ contactSessionId: "s", expiresAt: 1 }),
    );
    expect(runProbe("?organizationId=org_a&locale=en")).toBe(true);
  });

  it("leaves first-time visitors and other organizations unmarked", () => {
    localStorage.setItem(
      storageKey("org_b"),
      JSON.stringify({ contactSessionId: "s", expiresAt: 1 }),
    );
    expect(runProbe("?organizationId=org_a")).toBe(false);
    expect(runProbe("")).toBe(false);
  });
});
