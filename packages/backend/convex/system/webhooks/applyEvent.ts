import { v } from "convex/values";

import { internalMutation, type MutationCtx } from "../../_generated/server";
import { normalizeRole } from "../../lib/identity";
import { findUser, removeMember, upsertMember, upsertUser, userFields } from "../../lib/members";
import { findOrganization } from "../../lib/organizations";
import type { Plan } from "../../lib/validators";

type Data = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value ? value : undefined;

async function upsertOrganization(ctx: MutationCtx, data: Data) {
  const externalId = text(data.id);
  if (!externalId) return;
  const fields = { name: text(data.name) ?? externalId, slug: text(data.slug) ?? externalId };
  const existing = await findOrganization(ctx, externalId);
  if (existing) await ctx.db.patch(existing._id, fields);
  else await ctx.db.insert("organizations", { externalId, plan: "free", ...fields });
}

async function deleteOrganization(ctx: MutationCtx, data: Data) {
  const externalId = text(data.id) ?? "";
  const existing = await findOrganization(ctx, externalId);
  if (existing) await ctx.db.delete(existing._id);
  const members = await ctx.db
    .query("members")
    .withIndex("by_organization_and_user", (q) => q.eq("organizationId", externalId))
    .collect();
  for (const member of members) await ctx.db.delete(member._id);
}

async function applyUser(ctx: MutationCtx, type: string, data: Data) {
  const externalId = text(data.id);
  if (!externalId) return;
  if (type !== "user.deleted") return await upsertUser(ctx, externalId, userFields(data));
  const user = await findUser(ctx, externalId);
  if (user) await ctx.db.delete(user._id);
  const memberships = await ctx.db
    .query("members")
    .withIndex("by_user", (q) => q.eq("userId", externalId))
    .collect();
  for (const membership of memberships)
    await removeMember(ctx, membership.organizationId, externalId);
}

/** Clerk's organizationMembership events: the organization, the member's public data, the role. */
async function applyMembership(ctx: MutationCtx, type: string, data: Data) {
  const organizationId = text((data.organization as Data | undefined)?.id);
  const publicUser = (data.public_user_data ?? {}) as Data;
  const userId = text(publicUser.user_id);
  if (!organizationId || !userId) return;
  if (type === "organizationMembership.deleted")
    return await removeMember(ctx, organizationId, userId);
  // A custom role Echo does not know gets the least access: member.
  await upsertMember(ctx, organizationId, userId, normalizeRole(data.role) ?? "member");
  // The membership carries the member's public data: enough to name them before user.* arrives.
  if (!(await findUser(ctx, userId))) await upsertUser(ctx, userId, userFields(publicUser));
}

const STATUSES = {
  active: "active",
  trialing: "trialing",
  past_due: "past_due",
  canceled: "canceled",
  ended: "canceled",
} as const;

/** Clerk Billing: the organization is "pro" while a subscription item on a paid plan is active. */
async function applySubscription(ctx: MutationCtx, data: Data) {
  const payer = (data.payer ?? {}) as Data;
  const organizationId = text(payer.organization_id) ?? text(data.organization_id);
  const externalId = text(data.id);
  if (!organizationId || !externalId) return;
  const status = STATUSES[(text(data.status) ?? "canceled") as keyof typeof STATUSES] ?? "canceled";
  const items = Array.isArray(data.items) ? (data.items as Data[]) : [];
  const paid = items.some((item) => {
    const slug = text((item.plan as Data | undefined)?.slug) ?? "";
    return !slug.startsWith("free") && (text(item.status) ?? status) === "active";
  });
  const plan: Plan = paid && (status === "active" || status === "trialing") ? "pro" : "free";
  const existing = await ctx.db
    .query("subscriptions")
    .withIndex("by_externalId", (q) => q.eq("externalId", externalId))
    .unique();
  const fields = { organizationId, plan, status, externalId };
  if (existing) await ctx.db.patch(existing._id, fields);
  else await ctx.db.insert("subscriptions", fields);
  const organization = await findOrganization(ctx, organizationId);
  if (organization) await ctx.db.patch(organization._id, { plan });
}

/** Applies a verified provider event once: the event id is recorded in the same transaction. */
export const applyEvent = internalMutation({
  args: {
    provider: v.union(v.literal("identity"), v.literal("billing")),
    eventId: v.string(),
    type: v.string(),
    /** The event's `data` as JSON text: provider payloads may hold keys Convex values cannot. */
    data: v.string(),
  },
  handler: async (ctx, { provider, eventId, type, data: json }) => {
    const data = JSON.parse(json) as Data;
    const seen = await ctx.db
      .query("webhookEvents")
      .withIndex("by_provider_and_eventId", (q) =>
        q.eq("provider", provider).eq("eventId", eventId),
      )
      .unique();
    if (seen) return { duplicate: true };
    await ctx.db.insert("webhookEvents", { provider, eventId, type });
    if (type === "organization.created" || type === "organization.updated")
      await upsertOrganization(ctx, data);
    else if (type === "organization.deleted") await deleteOrganization(ctx, data);
    else if (type.startsWith("user.")) await applyUser(ctx, type, data);
    else if (type.startsWith("organizationMembership.")) await applyMembership(ctx, type, data);
    else if (type.startsWith("subscription.")) await applySubscription(ctx, data);
    return { duplicate: false };
  },
});
