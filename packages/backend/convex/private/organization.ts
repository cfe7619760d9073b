import { v } from "convex/values";

import { adminMutation, operatorQuery } from "../lib/functions";
import { recordAudit } from "../lib/audit";
import { fail } from "../lib/errors";
import { organizationSettingsFor } from "../lib/organizationSettings";
import { findOrganization } from "../lib/organizations";
import { billingEnforced, hasPremium } from "../lib/plans";
import { models } from "../lib/ai/models";

const MAX_DOMAINS = 20;
const MAX_INSTRUCTIONS = 2000;

/** Who the operator is in this organization and what it has: the dashboard's shell reads this. */
export const current = operatorQuery({
  args: {},
  handler: async (ctx) => {
    const { operator } = ctx;
    const organization = await findOrganization(ctx, operator.orgId);
    const settings = await organizationSettingsFor(ctx, operator.orgId);
    return {
      organizationId: operator.orgId,
      name: organization?.name ?? null,
      plan: organization?.plan ?? "free",
      premium: await hasPremium(ctx, operator.orgId),
      billingEnforced: billingEnforced(),
      role: operator.role,
      userId: operator.userId,
      assistantMode: models().mode,
      allowedDomains: settings.allowedDomains,
      agentInstructions: settings.agentInstructions ?? null,
    };
  },
});

/** Domains allowed to embed the widget (frame-ancestors) and extra guidance for the agent. */
export const updateSettings = adminMutation({
  args: { allowedDomains: v.array(v.string()), agentInstructions: v.optional(v.string()) },
  handler: async (ctx, args) => {
    const { operator } = ctx;
    const allowedDomains = [
      ...new Set(args.allowedDomains.map((d) => d.trim().toLowerCase()).filter(Boolean)),
    ];
    if (allowedDomains.length > MAX_DOMAINS) fail("INVALID_INPUT", "Too many domains");
    if (allowedDomains.some((d) => !/^(\*\.)?[a-z0-9.-]+(:\d+)?$/.test(d)))
      fail("INVALID_INPUT", "Invalid domain");
    const agentInstructions =
      args.agentInstructions?.trim().slice(0, MAX_INSTRUCTIONS) || undefined;
    const existing = await organizationSettingsFor(ctx, operator.orgId);
    const fields = { organizationId: operator.orgId, allowedDomains, agentInstructions };
    if (existing._id) await ctx.db.replace(existing._id, fields);
    else await ctx.db.insert("organizationSettings", fields);
    await recordAudit(ctx, operator, "organization.settings", undefined, {
      domains: allowedDomains.length,
    });
  },
});
