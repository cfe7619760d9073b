import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";

import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { internalMutation, internalQuery } from "../../_generated/server";
import { vSealedSecret } from "../../lib/validators";

/** The `secrets` table behind the local (envelope-encrypted) path of system/secrets/secrets.ts. */

const vAddress = { organizationId: v.string(), name: v.string() };

async function row(
  ctx: Pick<QueryCtx, "db">,
  { organizationId, name }: { organizationId: string; name: string },
) {
  return await ctx.db
    .query("secrets")
    .withIndex("by_organization_and_name", (q) =>
      q.eq("organizationId", organizationId).eq("name", name),
    )
    .unique();
}

export const get = internalQuery({
  args: vAddress,
  handler: async (ctx, address) => {
    const secret = await row(ctx, address);
    if (!secret) return null;
    const { keyId, wrapIv, wrappedKey, iv, ciphertext } = secret;
    return { keyId, wrapIv, wrappedKey, iv, ciphertext };
  },
});

export const put = internalMutation({
  args: { ...vAddress, sealed: vSealedSecret },
  handler: async (ctx, { sealed, ...address }) => {
    const existing = await row(ctx, address);
    if (existing) await ctx.db.patch(existing._id, sealed);
    else await ctx.db.insert("secrets", { ...address, ...sealed });
  },
});

export const remove = internalMutation({
  args: vAddress,
  handler: async (ctx: MutationCtx, address) => {
    const existing = await row(ctx, address);
    if (existing) await ctx.db.delete(existing._id);
    return existing !== null;
  },
});

/** Every organization's envelopes, a page at a time, for master key rotation. */
export const page = internalQuery({
  args: { paginationOpts: paginationOptsValidator },
  handler: async (ctx, { paginationOpts }) =>
    await ctx.db.query("secrets").paginate(paginationOpts),
});

/** Swaps in a re-wrapped data key, unless the row changed since it was read. */
export const rewrap = internalMutation({
  args: { secretId: v.id("secrets"), fromKeyId: v.string(), sealed: vSealedSecret },
  handler: async (ctx, { secretId, fromKeyId, sealed }) => {
    const secret = await ctx.db.get(secretId);
    if (!secret || secret.keyId !== fromKeyId || secret.ciphertext !== sealed.ciphertext)
      return false;
    await ctx.db.patch(secretId, sealed);
    return true;
  },
});
