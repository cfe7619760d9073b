import { internal } from "../../_generated/api";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";

/** The secrets-store name of a connection's gateway API key. */
export function whatsappApiKeySecret(connectionId: Id<"whatsappConnections">): string {
  return `whatsapp.${connectionId}.apiKey`;
}

/** The organization's connected number (one per organization for now; the table allows more). */
export async function activeConnection(
  ctx: Pick<QueryCtx, "db">,
  organizationId: string,
): Promise<Doc<"whatsappConnections"> | null> {
  return await ctx.db
    .query("whatsappConnections")
    .withIndex("by_organization_and_active", (q) =>
      q.eq("organizationId", organizationId).eq("active", true),
    )
    .first();
}

/** Where the gateway posts its events for this connection. */
export function whatsappWebhookUrl(connectionId: Id<"whatsappConnections">): string {
  const site = (process.env.CONVEX_SITE_URL ?? "").replace(/\/+$/, "");
  return `${site}/webhooks/whatsapp/evolution/${connectionId}`;
}

/** Stops a connection: its webhook answers 404 from now on and its key is deleted. */
export async function deactivateConnection(
  ctx: Pick<MutationCtx, "db" | "scheduler">,
  connection: Doc<"whatsappConnections">,
): Promise<void> {
  await ctx.db.patch(connection._id, { active: false, state: "disconnected" });
  await ctx.scheduler.runAfter(0, internal.system.secrets.secrets.remove, {
    organizationId: connection.organizationId,
    name: whatsappApiKeySecret(connection._id),
  });
}
