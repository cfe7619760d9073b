import type { QueryCtx } from "../_generated/server";
import { fail } from "./errors";
import { findOrganization } from "./organizations";

/** Billing is only enforced when Clerk Billing is the source of plans; self-hosted unlocks all. */
export function billingEnforced(): boolean {
  return process.env.ECHO_BILLING === "clerk";
}

export async function hasPremium(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<boolean> {
  if (!billingEnforced()) return true;
  const organization = await findOrganization(ctx, organizationId);
  return organization?.plan === "pro";
}

export async function requirePremium(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<void> {
  if (!(await hasPremium(ctx, organizationId)))
    fail("PLAN_REQUIRED", "This feature needs the Pro plan");
}
