import type { Id } from "../../_generated/dataModel";
import type { ActionCtx } from "../../_generated/server";
import { fail } from "../errors";
import type { Operator } from "../identity";
import { hashApiKey } from "./apiKeyHash";
import { whatsappApiKeySecret, whatsappWebhookUrl } from "./connections";
import { EvolutionError, evolutionClient } from "./evolution/client";
import { storeConnection } from "./storeConnection";

export type EvolutionSettings = { serverUrl: string; instanceName: string; apiKey: string };

function checkSettings(settings: EvolutionSettings): EvolutionSettings {
  const serverUrl = settings.serverUrl.trim().replace(/\/+$/, "");
  const instanceName = settings.instanceName.trim();
  const apiKey = settings.apiKey.trim();
  const url = URL.canParse(serverUrl) ? new URL(serverUrl) : null;
  if (!url || !["http:", "https:"].includes(url.protocol))
    fail("INVALID_INPUT", "The server URL must start with http:// or https://");
  if (!instanceName || instanceName.length > 100 || !apiKey || apiKey.length > 500)
    fail("INVALID_INPUT", "The instance name and API key are required");
  return { serverUrl, instanceName, apiKey };
}

function failFromEvolution(error: unknown): never {
  if (!(error instanceof EvolutionError)) throw error;
  if (error.status === 401 || error.status === 403)
    fail("INVALID_CREDENTIALS", `Evolution API refused the API key: ${error.message}`);
  if (error.status === 404)
    fail("NOT_FOUND", `Evolution API has no such instance: ${error.message}`);
  fail("UPSTREAM_UNAVAILABLE", `Evolution API did not answer: ${error.message}`);
}

/**
 * Connects an Evolution API instance: the key must read the instance's state before anything is
 * kept; then the key goes to the secrets store, only its SHA-256 to the connection, the previous
 * number is replaced, and Echo's webhook is registered on the instance (when the server lets it).
 */
export async function connectEvolution(
  ctx: ActionCtx,
  organizationId: string,
  actor: Operator | { userId: string },
  raw: EvolutionSettings,
): Promise<{
  connectionId: Id<"whatsappConnections">;
  webhookUrl: string;
  webhookRegistered: boolean;
}> {
  const settings = checkSettings(raw);
  const client = evolutionClient(settings);
  let state;
  try {
    state = await client.connectionState();
  } catch (error) {
    failFromEvolution(error);
  }
  const connectionId = await storeConnection(
    ctx,
    organizationId,
    actor,
    state,
    {
      gateway: "evolution",
      serverUrl: settings.serverUrl,
      instanceName: settings.instanceName,
      apiKeyHash: await hashApiKey(settings.apiKey),
    },
    (id) => ({ [whatsappApiKeySecret(id)]: settings.apiKey }),
  );
  const webhookUrl = whatsappWebhookUrl(connectionId);
  let webhookRegistered = true;
  try {
    await client.setWebhook(webhookUrl);
  } catch (error) {
    // The admin can still paste the URL into the instance's webhook settings by hand.
    console.warn("Evolution API webhook registration failed", { error: String(error) });
    webhookRegistered = false;
  }
  return { connectionId, webhookUrl, webhookRegistered };
}
