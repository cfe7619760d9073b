import ipaddr from "ipaddr.js";

/**
 * The header the deployment's own proxy sets to the client's address. With the default,
 * `x-forwarded-for`, only the entries the trusted proxies appended count (the rightmost ones):
 * whatever a client writes at the left of the list never changes its key.
 */
export type ClientAddressConfig = { header: string; trustedHops: number };

export function clientAddressConfig(
  env: Record<string, string | undefined> = process.env,
): ClientAddressConfig {
  const hops = Number(env.ECHO_TRUSTED_PROXY_HOPS ?? 1);
  return {
    header: (env.ECHO_CLIENT_IP_HEADER ?? "x-forwarded-for").trim().toLowerCase(),
    trustedHops: Number.isInteger(hops) && hops >= 1 ? hops : 1,
  };
}

/** The address the proxy saw, or null when the request carries none that parses. */
export function clientAddressFrom(headers: Headers, config: ClientAddressConfig): string | null {
  const raw = headers.get(config.header);
  if (!raw) return null;
  const entries = raw.split(",").map((entry) => entry.trim());
  const value =
    config.header === "x-forwarded-for" ? entries[entries.length - config.trustedHops] : entries[0];
  return value ? normalizedAddress(value) : null;
}

/**
 * The rate-limit key of an address: IPv4 as is, IPv6 by its /64, since one subscriber is
 * usually handed a whole /64 and could otherwise mint a fresh key per request.
 */
export function normalizedAddress(value: string): string | null {
  const bare = value
    .replace(/^\[(.*)\](?::\d+)?$/, "$1")
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.process(bare);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).toNormalizedString().split(":").slice(0, 4).join(":");
  return `${prefix}::/64`;
}
