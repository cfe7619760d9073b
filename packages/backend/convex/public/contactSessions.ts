import { v } from "convex/values";

import { mutation, query } from "../_generated/server";
import { requireContactSession, SESSION_DURATION_MS } from "../lib/contactSessions";
import { fail } from "../lib/errors";
import { requireOrganization } from "../lib/organizations";
import { limitSessionCreation } from "../lib/rateLimits";
import { vContactMetadata } from "../lib/validators";

const MAX_NAME = 120;
const MAX_EMAIL = 254;

export const create = mutation({
  args: {
    organizationId: v.string(),
    name: v.string(),
    email: v.string(),
    metadata: v.optional(vContactMetadata),
  },
  handler: async (ctx, args) => {
    await requireOrganization(ctx, args.organizationId);
    const name = args.name.trim().slice(0, MAX_NAME);
    const email = args.email.trim().toLowerCase().slice(0, MAX_EMAIL);
    if (!name || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("INVALID_INPUT", "Name and a valid email are required");
    await limitSessionCreation(ctx, args.organizationId);
    const expiresAt = Date.now() + SESSION_DURATION_MS;
    const contactSessionId = await ctx.db.insert("contactSessions", {
      organizationId: args.organizationId,
      name,
      email,
      expiresAt,
      metadata: args.metadata,
    });
    return { contactSessionId, expiresAt };
  },
});

/** Never throws: the widget uses it to decide between resuming and asking for name and email. */
export const validate = query({
  args: { contactSessionId: v.id("contactSessions"), organizationId: v.string() },
  handler: async (ctx, { contactSessionId, organizationId }) => {
    const session = await ctx.db.get(contactSessionId);
    if (!session || session.organizationId !== organizationId) {
      return { valid: false as const, reason: "NOT_FOUND" as const };
    }
    if (session.expiresAt <= Date.now()) return { valid: false as const, reason: "SESSION_EXPIRED" as const };
    return { valid: true as const, expiresAt: session.expiresAt, name: session.name, email: session.email };
  },
});

/** Sliding expiry: any activity may push the end 24 hours out again. */
export const refresh = mutation({
  args: { contactSessionId: v.id("contactSessions") },
  handler: async (ctx, { contactSessionId }) => {
    await requireContactSession(ctx, { contactSessionId });
    const expiresAt = Date.now() + SESSION_DURATION_MS;
    await ctx.db.patch(contactSessionId, { expiresAt });
    return { expiresAt };
  },
});
