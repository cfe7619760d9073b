import type { MutationCtx } from "../../_generated/server";

/** The demo's custom contact fields, so the contacts table has something to filter by. */
const SEED_CONTACT_FIELDS = [
  { key: "plan", label: "Plan", type: "select" as const, options: ["Free", "Pro", "Business"] },
  { key: "seats", label: "Seats", type: "number" as const },
];

/** Only for an organization that has defined none: an admin's own fields are never touched. */
export async function seedContactFields(ctx: Pick<MutationCtx, "db">, organizationId: string) {
  const existing = await ctx.db
    .query("contactFields")
    .withIndex("by_organization_and_key", (q) => q.eq("organizationId", organizationId))
    .first();
  if (existing) return;
  for (const field of SEED_CONTACT_FIELDS)
    await ctx.db.insert("contactFields", { organizationId, ...field });
}
