// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from "vitest";

import {
  browserStorage,
  clearStoredSession,
  readStoredSession,
  storageKey,
  writeStoredSession,
} from "./contact-session-storage";

beforeEach(() => localStorage.clear());

describe("contact session storage", () => {
  it("keeps one session per organization", () => {
    writeStoredSession(localStorage, "org_a", { contactSessionId: "s_a", expiresAt: 10 });
    writeStoredSession(localStorage, "org_b", { contactSessionId: "s_b", expiresAt: 20 });
    expect(readStoredSession(localStorage, "org_a")).toEqual({
      contactSessionId: "s_a",
      expiresAt: 10,
    });
    expect(readStoredSession(localStorage, "org_b")).toEqual({
      contactSessionId: "s_b",
      expiresAt: 20,
    });
    clearStoredSession(localStorage, "org_a");
    expect(readStoredSession(localStorage, "org_a")).toBeNull();
    expect(readStoredSession(localStorage, "org_b")).not.toBeNull();
  });

  it("drops corrupt entries instead of failing", () => {
    localStorage.setItem(storageKey("org_a"), "{not json");
    expect(readStoredSession(localStorage, "org_a")).toBeNull();
    expect(localStorage.getItem(storageKey("org_a"))).toBeNull();
    localStorage.setItem(storageKey("org_a"), JSON.stringify({ contactSessionId: 5 }));
    expect(readStoredSession(localStorage, "org_a")).toBeNull();
  });

  it("behaves as a first visit when storage is blocked", () => {
    const blocked = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
      removeItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    } as unknown as Storage;
    expect(readStoredSession(blocked, "org_a")).toBeNull();
    expect(() =>
      writeStoredSession(blocked, "org_a", { contactSessionId: "s", expiresAt: 1 }),
    ).not.toThrow();
    expect(() => clearStoredSession(blocked, "org_a")).not.toThrow();
  });

  it("gets no storage, and keeps the session in memory only, where reading localStorage throws", () => {
    expect(browserStorage()).toBe(window.localStorage);
    // A cross-site iframe with third-party storage blocked throws on the property read itself.
    const getter = vi.spyOn(window, "localStorage", "get").mockImplementation(() => {
      throw new DOMException("The document is sandboxed", "SecurityError");
    });
    try {
      const storage = browserStorage();
      expect(storage).toBeNull();
      expect(readStoredSession(storage, "org_a")).toBeNull();
      expect(() =>
        writeStoredSession(storage, "org_a", { contactSessionId: "s", expiresAt: 1 }),
      ).not.toThrow();
      expect(() => clearStoredSession(storage, "org_a")).not.toThrow();
    } finally {
      getter.mockRestore();
    }
  });
});
