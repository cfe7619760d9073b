/** A host the widget may be framed by: example.com, *.example.com or localhost:3000. */
const DOMAIN = /^(\*\.)?[a-z0-9.-]+(:\d+)?$/;
export const MAX_DOMAINS = 20;
export const MAX_INSTRUCTIONS = 2000;

/**
 * The domains typed one per line (or separated by commas or spaces), lowercased and deduplicated;
 * a pasted address keeps only its host, as frame-ancestors matches hosts.
 */
export function parseDomains(text: string): string[] {
  const hosts = text
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => entry.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/\/.*$/, ""));
  return [...new Set(hosts.filter(Boolean))];
}

export type DomainsProblem = { kind: "invalid"; domains: string[] } | { kind: "tooMany" } | null;

/** What keeps the list from being saved, if anything. */
export function domainsProblem(domains: readonly string[]): DomainsProblem {
  const invalid = domains.filter((domain) => !DOMAIN.test(domain));
  if (invalid.length > 0) return { kind: "invalid", domains: invalid };
  if (domains.length > MAX_DOMAINS) return { kind: "tooMany" };
  return null;
}
