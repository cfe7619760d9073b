import { internal } from "../../_generated/api";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";

/** The secrets-store name of a connection's gateway API key. */
export function whatsappApiKeySecret(connectionId: Id<"whatsappConnections">): string {
  return `whatsapp.${connectionId}.apiKey`;
}

/** The secrets-store names of a Cloud API number's access token and app secret. */
export function whatsappCloudSecrets(connectionId: Id<"whatsappConnections">) {
  return {
    accessToken: `whatsapp.${connectionId}.accessToken`,
    appSecret: `whatsapp.${connectionId}.appSecret`,
  };
}

/** Every secret a connection of either gateway may have stored. */
export function whatsappSecretNames(connectionId: Id<"whatsappConnections">): string[] {
  return [whatsappApiKeySecret(connectionId), ...Object.values(whatsappCloudSecrets(connectionId))];
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
export function whatsappWebhookUrl(
  connectionId: Id<"whatsappConnections">,
  gateway: Doc<"whatsappConnections">["gateway"] = "evolution",
): string {
  const site = (process.env.CONVEX_SITE_URL ?? "").replace(/\/+$/, "");
  return `${site}/webhooks/whatsapp/${gateway}/${connectionId}`;
}

/** Stops a connection: its webhook answers 404 from now on and its keys are deleted. */
export async function deactivateConnection(
  ctx: Pick<MutationCtx, "db" | "scheduler">,
  connection: Doc<"whatsappConnections">,
): Promise<void> {
  await ctx.db.patch(connection._id, { active: false, state: "disconnected" });
  for (const name of whatsappSecretNames(connection._id))
    await ctx.scheduler.runAfter(0, internal.system.secrets.secrets.remove, {
      organizationId: connection.organizationId,
      name,
    });
}

/** How the audit log and Integrations name a number: Evolution's instance or the Cloud API's phone. */
export function connectionLabel(connection: Doc<"whatsappConnections">): string {
  return connection.gateway === "evolution"
    ? connection.instanceName
    : connection.displayPhoneNumber;
}
