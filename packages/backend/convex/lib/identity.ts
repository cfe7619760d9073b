import type { Auth } from "convex/server";

import { fail } from "./errors";
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

/** Turns the verified identity (Clerk or Better Auth JWT) into the operator and their organization. */
export async function requireOperator(ctx: { auth: Auth }): Promise<Operator> {
  const identity = await ctx.auth.getUserIdentity();
  if (!identity) fail("UNAUTHORIZED", "Not signed in");
  const orgId = identity["org_id"];
  const role = normalizeRole(identity["org_role"]);
  if (typeof orgId !== "string" || orgId === "" || !role) {
    fail("UNAUTHORIZED", "No active organization");
  }
  return {
    userId: identity.subject,
    orgId,
    role,
    name: identity.name ?? undefined,
    email: identity.email ?? undefined,
  };
}

/** Files, customization, plugins, members and billing are for owners and admins. */
export async function requireAdmin(ctx: { auth: Auth }): Promise<Operator> {
  const operator = await requireOperator(ctx);
  if (operator.role === "member") fail("UNAUTHORIZED", "Admins only");
  return operator;
}
