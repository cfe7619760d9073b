import type { Auth } from "convex/server";

import type { QueryCtx } from "../_generated/server";
import { fail } from "./errors";
import { findMember } from "./members";
import type { Role } from "./validators";

export type Operator = {
  userId: string;
  orgId: string;
  role: Role;
  name?: string;
  email?: string;
};

const roleSpellings: Record<string, Role> = {
  owner: "owner",
  admin: "admin",
  member: "member",
  "org:owner": "owner",
  "org:admin": "admin",
  "org:member": "member",
};

/** A provider's role name ("org:admin", "owner", ...) as Echo's role, or undefined if unknown. */
export function normalizeRole(role: unknown): Role | undefined {
  return roleSpellings[String(role ?? "")];
}

type GuardCtx = { auth: Auth } & Pick<QueryCtx, "db">;

/**
 * Turns the verified identity (Clerk or Better Auth JWT) into the operator and their organization.
 * The token names the organization; the members table, kept by the identity webhook, decides
 * whether they still belong to it and with which role, so a removal or demotion counts at once.
 */
export async function requireOperator(ctx: GuardCtx): Promise<Operator> {
  const identity = await ctx.auth.getUserIdentity();
  if (!identity) fail("UNAUTHORIZED", "Not signed in");
  const orgId = identity["org_id"];
  if (typeof orgId !== "string" || orgId === "") fail("UNAUTHORIZED", "No active organization");
  const member = await findMember(ctx, orgId, identity.subject);
  if (!member) fail("UNAUTHORIZED", "Not a member of this organization");
  return {
    userId: identity.subject,
    orgId,
    role: member.role,
    name: identity.name ?? undefined,
    email: identity.email ?? undefined,
  };
}

/** Files, customization, plugins, members and billing are for owners and admins. */
export async function requireAdmin(ctx: GuardCtx): Promise<Operator> {
  const operator = await requireOperator(ctx);
  if (operator.role === "member") fail("UNAUTHORIZED", "Admins only");
  return operator;
}
