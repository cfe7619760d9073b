import { v } from "convex/values";

import { internalMutation, type MutationCtx } from "../../_generated/server";
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
  const existing = await findOrganization(ctx, text(data.id) ?? "");
  if (existing) await ctx.db.delete(existing._id);
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
    else if (type.startsWith("subscription.")) await applySubscription(ctx, data);
    return { duplicate: false };
  },
});
