import { describe, expect, it } from "vitest";

import { domainsProblem, MAX_DOMAINS, parseDomains } from "./allowed-domains";

describe("allowed domains", () => {
  it("reads one per line or comma-separated, keeps hosts of pasted addresses, drops repeats", () => {
    expect(
      parseDomains(
        "Shop.Example.com\nhttps://www.example.com/pricing, *.example.org\n\nshop.example.com",
      ),
    ).toEqual(["shop.example.com", "www.example.com", "*.example.org"]);
  });

  it("names the entries that are not domains, and refuses more than the limit", () => {
    expect(domainsProblem(["example.com", "not a_domain!", "localhost:3000"])).toEqual({
      kind: "invalid",
      domains: ["not a_domain!"],
    });
    expect(
      domainsProblem(Array.from({ length: MAX_DOMAINS + 1 }, (_, i) => `s${i}.example.com`)),
    ).toEqual({ kind: "tooMany" });
    expect(domainsProblem(["example.com", "*.example.com", "localhost:3000"])).toBeNull();
  });
});
