import { describe, expect, test } from "vitest";

import { clientAddressConfig, clientAddressFrom, normalizedAddress } from "./clientAddress";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddressFrom", () => {
  test("by default, the entry the proxy appended to X-Forwarded-For, whatever the client wrote", () => {
    const config = clientAddressConfig({});
    expect(clientAddressFrom(headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }), config)).toBe(
      "198.51.100.7",
    );
    expect(clientAddressFrom(headers({ "x-forwarded-for": "198.51.100.7" }), config)).toBe(
      "198.51.100.7",
    );
    expect(clientAddressFrom(headers({}), config)).toBeNull();
    expect(clientAddressFrom(headers({ "x-forwarded-for": "not-an-ip" }), config)).toBeNull();
  });

  test("behind two trusted proxies, the second entry from the right", () => {
    const config = clientAddressConfig({ ECHO_TRUSTED_PROXY_HOPS: "2" });
    const value = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    expect(clientAddressFrom(headers({ "x-forwarded-for": value }), config)).toBe("198.51.100.7");
  });

  test("a configured header replaces X-Forwarded-For entirely", () => {
    const config = clientAddressConfig({ ECHO_CLIENT_IP_HEADER: "CF-Connecting-IP" });
    expect(
      clientAddressFrom(
        headers({ "cf-connecting-ip": "203.0.113.5", "x-forwarded-for": "198.51.100.7" }),
        config,
      ),
    ).toBe("203.0.113.5");
    expect(clientAddressFrom(headers({ "x-forwarded-for": "198.51.100.7" }), config)).toBeNull();
  });
});

describe("normalizedAddress", () => {
  test("keys IPv6 by its /64, IPv4-mapped IPv6 as IPv4, and drops ports", () => {
    expect(normalizedAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(normalizedAddress("2001:db8:1:2::9")).toBe("2001:db8:1:2::/64");
    expect(normalizedAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(normalizedAddress("198.51.100.7:5123")).toBe("198.51.100.7");
    expect(normalizedAddress("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
  });
});
