import { describe, expect, it, vi } from "vitest";

import { allowedDomainsCache, LOOKUP_FAILED } from "./allowed-domains-cache";

function fakeClock() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

describe("allowedDomainsCache", () => {
  it("asks the backend again once an answer is older than its time to live", async () => {
    const clock = fakeClock();
    const lookup = vi.fn(async () => ["a.example"]);
    const allowedDomains = allowedDomainsCache(lookup, { ttlMs: 60_000, clock });
    await allowedDomains("org_a");
    clock.advance(59_000);
    await allowedDomains("org_a");
    expect(lookup).toHaveBeenCalledTimes(1);
    clock.advance(2_000);
    await allowedDomains("org_a");
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it("does not remember a failed lookup", async () => {
    const lookup = vi
      .fn<(id: string) => Promise<string[] | null>>()
      .mockRejectedValueOnce(new Error("down"))
      .mockResolvedValueOnce(["back.example"]);
    const allowedDomains = allowedDomainsCache(lookup);
    expect(await allowedDomains("org_b")).toBe(LOOKUP_FAILED);
    expect(await allowedDomains("org_b")).toEqual(["back.example"]);
  });

  it("sends one lookup for many simultaneous requests for an organization", async () => {
    let answer: (domains: string[]) => void = () => {};
    const lookup = vi.fn(() => new Promise<string[]>((resolve) => (answer = resolve)));
    const allowedDomains = allowedDomainsCache(lookup);
    const requests = Array.from({ length: 20 }, () => allowedDomains("org_c"));
    answer(["c.example"]);
    expect(await Promise.all(requests)).toEqual(Array(20).fill(["c.example"]));
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it("remembers a bounded number of organizations", async () => {
    const lookup = vi.fn(async (id: string) => [`${id}.example`]);
    const allowedDomains = allowedDomainsCache(lookup, { max: 2 });
    for (const id of ["one", "two", "three", "one"]) await allowedDomains(id);
    expect(lookup).toHaveBeenCalledTimes(4);
  });
});
