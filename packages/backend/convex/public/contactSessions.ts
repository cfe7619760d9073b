import { v } from "convex/values";

import { slideExpiry } from "../lib/contactSessions";
import { contactMutation, publicQuery } from "../lib/functions";

// Sessions are created only through the HTTP route (POST /widget/contact-sessions), which
// verifies a proof-of-work and limits by client address; see contactSessionRoutes.ts.

/** Never throws: the widget uses it to decide between resuming and asking for name and email. */
export const validate = publicQuery({
  args: { contactSessionId: v.id("contactSessions"), organizationId: v.string() },
  handler: async (ctx, { contactSessionId, organizationId }) => {
    const session = await ctx.db.get(contactSessionId);
    if (!session || session.organizationId !== organizationId) {
      return { valid: false as const, reason: "NOT_FOUND" as const };
    }
    if (session.expiresAt <= Date.now())
      return { valid: false as const, reason: "SESSION_EXPIRED" as const };
    return {
      valid: true as const,
      expiresAt: session.expiresAt,
      name: session.name,
      email: session.email,
    };
  },
});

/** Sliding expiry: any activity may push the end 24 hours out again. */
export const refresh = contactMutation({
  args: {},
  handler: async (ctx) => ({ expiresAt: await slideExpiry(ctx, ctx.session) }),
});
