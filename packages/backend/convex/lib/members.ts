import type { Doc } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { Role } from "./validators";

type Data = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

/**
 * A user's display fields from an identity event. Clerk sends first/last names and a list of
 * e-mail addresses with a primary one; membership events carry `public_user_data` with an
 * `identifier` (the e-mail). Better Auth's events use the same shapes.
 */
export function userFields(data: Data): Omit<Doc<"users">, "_id" | "_creationTime" | "externalId"> {
  const addresses = Array.isArray(data.email_addresses) ? (data.email_addresses as Data[]) : [];
  const primary =
    addresses.find((address) => address.id === data.primary_email_address_id) ?? addresses[0];
  const email = text(primary?.email_address) ?? text(data.identifier) ?? text(data.email);
  const fullName = [text(data.first_name), text(data.last_name)].filter(Boolean).join(" ");
  const imageUrl = text(data.image_url);
  return {
    name: text(data.name) ?? (fullName || email || text(data.username) || "Unnamed operator"),
    ...(email ? { email } : {}),
    ...(imageUrl ? { imageUrl } : {}),
  };
}

export async function findUser(ctx: Pick<QueryCtx, "db">, externalId: string) {
  return await ctx.db
    .query("users")
    .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
    .unique();
}

export async function upsertUser(
  ctx: MutationCtx,
  externalId: string,
  fields: ReturnType<typeof userFields>,
) {
  const existing = await findUser(ctx, externalId);
  if (existing) await ctx.db.replace(existing._id, { externalId, ...fields });
  else await ctx.db.insert("users", { externalId, ...fields });
}

export async function findMember(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
  userId: string,
) {
  return await ctx.db
    .query("members")
    .withIndex("by_organization_and_user", (q) =>
      q.eq("organizationId", organizationId).eq("userId", userId),
    )
    .unique();
}

export async function upsertMember(
  ctx: MutationCtx,
  organizationId: string,
  userId: string,
  role: Role,
) {
  const existing = await findMember(ctx, organizationId, userId);
  if (existing) await ctx.db.patch(existing._id, { role });
  else await ctx.db.insert("members", { organizationId, userId, role });
}

/** Removes a membership; the member's open assignments in that organization go back unassigned. */
export async function removeMember(ctx: MutationCtx, organizationId: string, userId: string) {
  const existing = await findMember(ctx, organizationId, userId);
  if (existing) await ctx.db.delete(existing._id);
  const assigned = await ctx.db
    .query("conversations")
    .withIndex("by_organization_and_assignee_and_lastMessageAt", (q) =>
      q.eq("organizationId", organizationId).eq("assigneeId", userId),
    )
    .collect();
  for (const conversation of assigned)
    await ctx.db.patch(conversation._id, { assigneeId: undefined });
}
