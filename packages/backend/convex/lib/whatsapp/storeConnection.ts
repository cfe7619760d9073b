import type { Infer } from "convex/values";

import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { ActionCtx } from "../../_generated/server";
import type { Operator } from "../identity";
import { whatsappSecretNames } from "./connections";
import type { GatewayState } from "./events";
import type { vGatewayFields } from "./tables";

/**
 * Keeps a number the gateway accepted, for either gateway: the row (inactive), its secrets in the
 * secrets store, then it becomes the organization's number and the replaced numbers' secrets go.
 */
export async function storeConnection(
  ctx: ActionCtx,
  organizationId: string,
  actor: Operator | { userId: string },
  state: GatewayState,
  fields: Infer<typeof vGatewayFields>,
  secretsOf: (connectionId: Id<"whatsappConnections">) => Record<string, string>,
): Promise<Id<"whatsappConnections">> {
  const connectionId = await ctx.runMutation(internal.system.whatsapp.connections.create, {
    organizationId,
    actorId: actor.userId,
    state,
    fields,
  });
  for (const [name, value] of Object.entries(secretsOf(connectionId)))
    await ctx.runAction(internal.system.secrets.secrets.put, { organizationId, name, value });
  const replaced = await ctx.runMutation(internal.system.whatsapp.connections.activate, {
    connectionId,
    ...("orgId" in actor ? { operator: actor } : {}),
  });
  for (const previous of replaced)
    for (const name of whatsappSecretNames(previous))
      await ctx.runAction(internal.system.secrets.secrets.remove, { organizationId, name });
  return connectionId;
}
