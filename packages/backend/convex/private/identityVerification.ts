import { internal } from "../_generated/api";
import { IDENTITY_SECRET_NAME, newIdentitySecret } from "../lib/contacts/identitySignature";
import { adminAction, adminQuery } from "../lib/functions";

/** Whether the organization can verify signed identities, and since when; never the secret. */
export const status = adminQuery({
  args: {},
  handler: async (ctx) => {
    const row = await ctx.db
      .query("identityVerification")
      .withIndex("by_organization", (q) => q.eq("organizationId", ctx.operator.orgId))
      .unique();
    return { configured: Boolean(row), rotatedAt: row?.rotatedAt ?? null };
  },
});

/**
 * Issues a new secret for signing visitors' identities (HMAC-SHA256 of the user id) and returns
 * it this once; identities signed with the previous one stop verifying.
 */
export const rotateSecret = adminAction({
  args: {},
  handler: async (ctx): Promise<{ secret: string }> => {
    const { operator } = ctx;
    const secret = newIdentitySecret();
    await ctx.runAction(internal.system.secrets.secrets.put, {
      organizationId: operator.orgId,
      name: IDENTITY_SECRET_NAME,
      value: secret,
    });
    await ctx.runMutation(internal.system.identityVerification.recordRotation, { operator });
    return { secret };
  },
});
