import { v } from "convex/values";

import { internal } from "../_generated/api";
import { internalAction } from "../_generated/server";
import {
  IDENTITY_SECRET_NAME,
  newIdentitySecret,
  signUserId,
} from "../lib/contacts/identitySignature";

/**
 * The embed demo page's "sign in as a demo customer": signs the user id on the server, as a
 * customer's own site would, so the secret never leaves the backend. Called with the admin key by
 * the local stack's demo server (scripts/lib/demo-sign-in.mjs); an organization without a secret
 * gets one, as if its admin had generated it in Integrations.
 */
export const sign = internalAction({
  args: { organizationId: v.string(), userId: v.string() },
  handler: async (ctx, { organizationId, userId }): Promise<{ hash: string }> => {
    const address = { organizationId, name: IDENTITY_SECRET_NAME };
    let secret = await ctx.runAction(internal.system.secrets.secrets.read, address);
    if (!secret) {
      secret = newIdentitySecret();
      await ctx.runAction(internal.system.secrets.secrets.put, { ...address, value: secret });
      await ctx.runMutation(internal.system.identityVerification.recordRotation, {
        operator: { userId: "demo-site", orgId: organizationId, role: "admin", name: "Demo site" },
      });
    }
    return { hash: await signUserId(secret, userId) };
  },
});
