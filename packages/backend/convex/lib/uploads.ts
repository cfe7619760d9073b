import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { fail } from "./errors";

/** Convex upload URLs expire an hour after they are generated. */
const UPLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;

/**
 * An upload URL for the organization, recorded as its pending upload: the file posted to it can
 * then be claimed by this organization alone.
 */
export async function generateOrganizationUploadUrl(
  ctx: MutationCtx,
  organizationId: string,
): Promise<string> {
  await ctx.db.insert("uploads", { organizationId });
  return await ctx.storage.generateUploadUrl();
}

async function ownerOf(ctx: Pick<MutationCtx, "db">, storageId: Id<"_storage">) {
  return await ctx.db
    .query("uploads")
    .withIndex("by_storageId", (q) => q.eq("storageId", storageId))
    .unique();
}

/**
 * The organization's own upload. A file not yet claimed is claimed now, against one of the
 * organization's pending upload URLs generated before the file arrived; a file of another
 * organization is refused exactly like a missing one.
 */
export async function claimUpload(
  ctx: MutationCtx,
  organizationId: string,
  storageId: Id<"_storage">,
): Promise<StoredFile> {
  const stored = await ctx.db.system.get(storageId);
  if (!stored) fail("INVALID_FILE", "Upload not found");
  const owner = await ownerOf(ctx, storageId);
  if (owner) {
    if (owner.organizationId !== organizationId) fail("INVALID_FILE", "Upload not found");
    return stored;
  }
  return await claimPending(ctx, organizationId, stored);
}

/**
 * A file uploaded just now and claimed by no one yet: what a message attaches, so a sender can
 * never point at a file the organization already uses (a knowledge file, the logo).
 */
export async function claimNewUpload(
  ctx: MutationCtx,
  organizationId: string,
  storageId: Id<"_storage">,
): Promise<StoredFile> {
  const stored = await ctx.db.system.get(storageId);
  if (!stored || (await ownerOf(ctx, storageId))) fail("INVALID_FILE", "Upload not found");
  return await claimPending(ctx, organizationId, stored);
}

type StoredFile = {
  _id: Id<"_storage">;
  _creationTime: number;
  size: number;
  contentType?: string;
};

async function claimPending(
  ctx: MutationCtx,
  organizationId: string,
  stored: StoredFile,
): Promise<StoredFile> {
  const pending = await ctx.db
    .query("uploads")
    .withIndex("by_organization_and_storageId", (q) =>
      q
        .eq("organizationId", organizationId)
        .eq("storageId", undefined)
        .gte("_creationTime", stored._creationTime - UPLOAD_URL_LIFETIME_MS)
        .lte("_creationTime", stored._creationTime),
    )
    .order("desc")
    .first();
  if (!pending) fail("INVALID_FILE", "Upload not found");
  await ctx.db.patch(pending._id, { storageId: stored._id });
  return stored;
}

/** Deletes a file only if the organization owns it; anything else is left where it is. */
export async function deleteOwnedUpload(
  ctx: MutationCtx,
  organizationId: string,
  storageId: Id<"_storage">,
): Promise<void> {
  const owner = await ownerOf(ctx, storageId);
  if (owner?.organizationId !== organizationId) return;
  await ctx.storage.delete(storageId);
  await ctx.db.delete(owner._id);
}

/** Upload URLs handed out and never used: their rows go once the URL has expired. */
export async function purgeUnclaimedUploads(
  ctx: Pick<MutationCtx, "db">,
  now: number,
  limit: number,
): Promise<number> {
  const unclaimed = await ctx.db
    .query("uploads")
    .withIndex("by_storageId", (q) =>
      q.eq("storageId", undefined).lt("_creationTime", now - UPLOAD_URL_LIFETIME_MS),
    )
    .take(limit);
  for (const upload of unclaimed) await ctx.db.delete(upload._id);
  return unclaimed.length;
}
