// @vitest-environment node
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import proxy from "./proxy";

type Organization = { valid: true; name: string; allowedDomains: string[] } | { valid: false };

// The backend's answer at the client boundary, set by each test (a plain function, not a spy,
// so a failure it raises is only the proxy's to handle).
const backend = vi.hoisted(() => ({
  calls: 0,
  answer: (): Promise<Organization> => Promise.reject(new Error("no answer set")),
}));
vi.mock("convex/nextjs", () => ({
  fetchQuery: () => {
    backend.calls++;
    return backend.answer();
  },
}));
const answers = (organization: Organization) => () => Promise.resolve(organization);
const unreachable = () => Promise.reject(new Error("backend unreachable"));

// The proxy remembers organizations for the whole process: each test frames its own.
const framing = (organizationId: string) =>
  proxy(new NextRequest(`http://localhost:3001/?organizationId=${organizationId}&locale=en`));
const policyOf = (response: Response) => response.headers.get("content-security-policy");

describe("the widget's framing policy", () => {
  afterEach(() => vi.useRealTimers());

  it("lets only the organization's domains frame the widget", async () => {
    backend.answer = answers({ valid: true, name: "Shop", allowedDomains: ["shop.example"] });
    expect(policyOf(await framing("org_listed"))).toBe("frame-ancestors 'self' shop.example");
  });

  it("denies framing when the organization lookup fails, instead of dropping the policy", async () => {
    backend.answer = unreachable;
    expect(policyOf(await framing("org_lookup_fails"))).toBe("frame-ancestors 'none'");
  });

  it("denies framing when the organization lookup is slow", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    backend.answer = () => new Promise(() => {});
    const response = framing("org_lookup_hangs");
    await vi.advanceTimersByTimeAsync(1500);
    expect(policyOf(await response)).toBe("frame-ancestors 'none'");
  });

  it("keeps answering from the cached domains while the backend is down", async () => {
    backend.answer = answers({ valid: true, name: "Cached", allowedDomains: ["cached.example"] });
    const callsBefore = backend.calls;
    expect(policyOf(await framing("org_cached"))).toBe("frame-ancestors 'self' cached.example");
    backend.answer = unreachable;
    expect(policyOf(await framing("org_cached"))).toBe("frame-ancestors 'self' cached.example");
    expect(backend.calls - callsBefore).toBe(1);
  });

  it("leaves an unknown organization's error message frameable, and open domains open", async () => {
    backend.answer = answers({ valid: false });
    expect(policyOf(await framing("org_unknown"))).toBeNull();
    backend.answer = answers({ valid: true, name: "Open", allowedDomains: [] });
    expect(policyOf(await framing("org_open"))).toBeNull();
  });
});
