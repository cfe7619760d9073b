import { MINUTE, RateLimiter } from "@convex-dev/rate-limiter";

import { components } from "../_generated/api";
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { fail } from "./errors";

/**
 * Visitors may burst a few messages, and all the sessions of one client address a few more; an
 * organization's whole widget is capped well above that, so one address cannot drain it.
 */
export const rateLimiter = new RateLimiter(components.rateLimiter, {
  messagesPerSession: { kind: "token bucket", rate: 10, period: MINUTE, capacity: 5 },
  messagesPerClient: { kind: "token bucket", rate: 60, period: MINUTE, capacity: 30 },
  messagesPerOrganization: { kind: "token bucket", rate: 600, period: MINUTE, capacity: 600 },
  conversationsPerSession: { kind: "token bucket", rate: 5, period: MINUTE, capacity: 5 },
});

export async function limitVisitorMessage(
  ctx: MutationCtx,
  session: Doc<"contactSessions">,
): Promise<void> {
  for (const [name, key] of [
    ["messagesPerSession", session._id],
    ...(session.clientKey ? [["messagesPerClient", session.clientKey] as const] : []),
    ["messagesPerOrganization", session.organizationId],
  ] as const) {
    const { ok, retryAfter } = await rateLimiter.limit(ctx, name, { key });
    if (!ok) fail("RATE_LIMITED", `Too many messages (${name})`, { retryAfter });
  }
}

export async function limitConversationCreation(
  ctx: MutationCtx,
  session: Doc<"contactSessions">,
): Promise<void> {
  const { ok, retryAfter } = await rateLimiter.limit(ctx, "conversationsPerSession", {
    key: session._id,
  });
  if (!ok) fail("RATE_LIMITED", "Too many new conversations", { retryAfter });
}
