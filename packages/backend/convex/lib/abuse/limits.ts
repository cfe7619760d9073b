import { HOUR, MINUTE, RateLimiter } from "@convex-dev/rate-limiter";

import { components } from "../../_generated/api";
import type { ActionCtx, MutationCtx } from "../../_generated/server";
import { fail } from "../errors";

/**
 * Keys an attacker cannot mint for free: the client's address and the operator. The organization
 * buckets are wide enough for a real crowd (100 visitors in a minute from as many addresses), so
 * only many addresses at once, each paying the proof-of-work, could reach them.
 */
export const abuseLimiter = new RateLimiter(components.rateLimiter, {
  sessionsPerClient: { kind: "token bucket", rate: 30, period: HOUR, capacity: 10 },
  widgetSessionsPerOrganization: { kind: "token bucket", rate: 20, period: MINUTE, capacity: 200 },
  enhancePerUser: { kind: "token bucket", rate: 30, period: HOUR, capacity: 10 },
  enhancePerOrganization: { kind: "token bucket", rate: 300, period: HOUR, capacity: 100 },
});

type LimiterCtx = MutationCtx | ActionCtx;
type LimitName =
  | "sessionsPerClient"
  | "widgetSessionsPerOrganization"
  | "enhancePerUser"
  | "enhancePerOrganization";

async function limitAll(
  ctx: LimiterCtx,
  buckets: ReadonlyArray<readonly [LimitName, string]>,
  message: string,
): Promise<void> {
  // One at a time, so a bucket that refuses leaves the later (wider) ones untouched.
  for (const [name, key] of buckets) {
    const { ok, retryAfter } = await abuseLimiter.limit(ctx, name, { key });
    if (!ok) fail("RATE_LIMITED", `${message} (${name})`, { retryAfter });
  }
}

/** The client's own bucket first: a flood from one address never drains its organization's. */
export async function limitSessionCreation(
  ctx: LimiterCtx,
  { organizationId, clientKey }: { organizationId: string; clientKey: string | null },
): Promise<void> {
  await limitAll(
    ctx,
    [
      ...(clientKey ? [["sessionsPerClient", clientKey] as const] : []),
      ["widgetSessionsPerOrganization", organizationId],
    ],
    "Too many new sessions",
  );
}

export async function limitEnhance(
  ctx: LimiterCtx,
  { userId, orgId }: { userId: string; orgId: string },
): Promise<void> {
  await limitAll(
    ctx,
    [
      ["enhancePerUser", `${orgId}:${userId}`],
      ["enhancePerOrganization", orgId],
    ],
    "Too many enhance requests",
  );
}
