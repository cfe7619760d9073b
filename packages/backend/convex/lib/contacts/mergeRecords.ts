import type { Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";

/** Merges are followed at most this deep (a contact merged into one later merged again…). */
const MAX_HOPS = 10;

/** Records that `mergedId` went into `survivorId`, and sends earlier merges into it there too. */
export async function recordMerge(
  ctx: Pick<MutationCtx, "db">,
  organizationId: string,
  mergedId: Id<"contacts">,
  survivorId: Id<"contacts">,
) {
  const earlier = await ctx.db
    .query("contactMerges")
    .withIndex("by_survivor", (q) => q.eq("survivorId", mergedId))
    .collect();
  for (const row of earlier) await ctx.db.patch(row._id, { survivorId });
  await ctx.db.insert("contactMerges", { organizationId, mergedId, survivorId });
}

/** An erased contact leaves no trail of the contacts merged into it. */
export async function forgetMerges(ctx: Pick<MutationCtx, "db">, survivorId: Id<"contacts">) {
  const rows = await ctx.db
    .query("contactMerges")
    .withIndex("by_survivor", (q) => q.eq("survivorId", survivorId))
    .collect();
  for (const row of rows) await ctx.db.delete(row._id);
}

/** The contact a merged-away contact of the organization lives on as, or null. */
export async function survivorOf(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  contactId: Id<"contacts">,
): Promise<Id<"contacts"> | null> {
  let current = contactId;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const row = await ctx.db
      .query("contactMerges")
      .withIndex("by_organization_and_merged", (q) =>
        q.eq("organizationId", organizationId).eq("mergedId", current),
      )
      .unique();
    if (!row) break;
    current = row.survivorId;
  }
  return current === contactId ? null : current;
}
