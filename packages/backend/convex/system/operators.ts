import { internalQuery } from "../_generated/server";
import { requireAdmin, requireOperator, type Operator } from "../lib/identity";

/** The guards for actions, which have no database of their own: the caller's identity carries over. */
export const current = internalQuery({
  args: {},
  handler: async (ctx): Promise<Operator> => await requireOperator(ctx),
});

export const currentAdmin = internalQuery({
  args: {},
  handler: async (ctx): Promise<Operator> => await requireAdmin(ctx),
});
