import type { MutationCtx } from "../_generated/server";
import type { Operator } from "./identity";

/** Operator and admin actions are recorded for the organization's audit log. */
export async function recordAudit(
  ctx: Pick<MutationCtx, "db">,
  operator: Operator,
  action: string,
  target?: string,
  details?: Record<string, string | number | boolean>,
): Promise<void> {
  await ctx.db.insert("auditLog", {
    organizationId: operator.orgId,
    actorId: operator.userId,
    actorName: operator.name,
    action,
    target,
    details,
  });
}
