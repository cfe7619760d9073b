import { LRUCache } from "lru-cache";

/** An organization's allowed domains (empty: any site), or null when there is no such organization. */
export type AllowedDomains = readonly string[] | null;

/** The backend did not answer, or not in time: nothing is known about who may frame the widget. */
export const LOOKUP_FAILED = "lookup-failed" as const;

export type AllowedDomainsCacheOptions = {
  /** How long an answer is reused; an admin's change of domains shows after at most this. */
  ttlMs?: number;
  /** How long a request waits for the backend before it is answered as a failed lookup. */
  timeoutMs?: number;
  /** Organizations remembered at once; the least recently asked for go first. */
  max?: number;
  /** The clock the cache ages entries by (tests pass their own). */
  clock?: { now(): number };
};

/**
 * Asks the backend for an organization's allowed domains at most once per `ttlMs` (and once at a
 * time), so a slow or failing backend turns only uncached organizations' requests into failed
 * lookups, and a flood of widget loads costs one query per organization.
 */
export function allowedDomainsCache(
  lookup: (organizationId: string) => Promise<AllowedDomains>,
  { ttlMs = 60_000, timeoutMs = 1500, max = 1000, clock }: AllowedDomainsCacheOptions = {},
) {
  const cache = new LRUCache<string, { domains: AllowedDomains }>({
    max,
    ttl: ttlMs,
    ...(clock ? { perf: clock, ttlResolution: 0 } : {}),
    fetchMethod: async (organizationId) => ({ domains: await lookup(organizationId) }),
  });

  return async function allowedDomains(
    organizationId: string,
  ): Promise<AllowedDomains | typeof LOOKUP_FAILED> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof LOOKUP_FAILED>((resolve) => {
      timer = setTimeout(() => resolve(LOOKUP_FAILED), timeoutMs);
    });
    const answer = cache.fetch(organizationId).then(
      (entry): AllowedDomains | typeof LOOKUP_FAILED => (entry ? entry.domains : LOOKUP_FAILED),
      () => LOOKUP_FAILED,
    );
    try {
      return await Promise.race([answer, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
