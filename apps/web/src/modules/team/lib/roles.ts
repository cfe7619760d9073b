export const ROLES = ["owner", "admin", "member"] as const;
export type Role = (typeof ROLES)[number];

/** Owners and admins manage the team; only an owner can touch another owner. */
export function canManage(actor: Role, target?: Role): boolean {
  if (actor === "member") return false;
  return target !== "owner" || actor === "owner";
}

/** The roles an actor may hand out. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === "owner") return ["owner", "admin", "member"];
  if (actor === "admin") return ["admin", "member"];
  return [];
}

export function asRole(value: string | null | undefined): Role {
  return ROLES.find((role) => role === value) ?? "member";
}
