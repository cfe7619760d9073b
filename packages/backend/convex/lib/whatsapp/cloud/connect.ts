import type { Id } from "../../../_generated/dataModel";
import type { ActionCtx } from "../../../_generated/server";
import { fail } from "../../errors";
import type { Operator } from "../../identity";
import { whatsappCloudSecrets, whatsappWebhookUrl } from "../connections";
import { storeConnection } from "../storeConnection";
import { CloudApiError, cloudClient } from "./client";

export type CloudSettings = {
  phoneNumberId: string;
  businessAccountId: string;
  accessToken: string;
  appSecret: string;
};

function checkSettings(raw: CloudSettings): CloudSettings {
  const settings = {
    phoneNumberId: raw.phoneNumberId.trim(),
    businessAccountId: raw.businessAccountId.trim(),
    accessToken: raw.accessToken.trim(),
    appSecret: raw.appSecret.trim(),
  };
  if (!/^\d{5,30}$/.test(settings.phoneNumberId) || !/^\d{5,30}$/.test(settings.businessAccountId))
    fail("INVALID_INPUT", "The phone number id and business account id are Meta's numeric ids");
  if (!settings.accessToken || settings.accessToken.length > 1000)
    fail("INVALID_INPUT", "The access token is required");
  if (!settings.appSecret || settings.appSecret.length > 200)
    fail("INVALID_INPUT", "The app secret is required");
  return settings;
}

function failFromCloud(error: unknown): never {
  if (!(error instanceof CloudApiError)) throw error;
  if (error.status === 401 || error.status === 403)
    fail("INVALID_CREDENTIALS", `The Cloud API refused the access token: ${error.message}`);
  if (error.status === 400 || error.status === 404)
    fail("NOT_FOUND", `The Cloud API has no such phone number: ${error.message}`);
  fail("UPSTREAM_UNAVAILABLE", `The Cloud API did not answer: ${error.message}`);
}

const newVerifyToken = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(24)), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");

/**
 * Connects a Cloud API number: the token must read the phone number before anything is kept;
 * the token and app secret go to the secrets store, and Echo makes the verify token the admin
 * pastes into the Meta app with the webhook URL.
 */
export async function connectCloud(
  ctx: ActionCtx,
  organizationId: string,
  actor: Operator | { userId: string },
  raw: CloudSettings,
): Promise<{ connectionId: Id<"whatsappConnections">; webhookUrl: string; verifyToken: string }> {
  const settings = checkSettings(raw);
  let number;
  try {
    number = await cloudClient(settings).phoneNumber();
  } catch (error) {
    failFromCloud(error);
  }
  const verifyToken = newVerifyToken();
  const connectionId = await storeConnection(
    ctx,
    organizationId,
    actor,
    "connected",
    {
      gateway: "cloud",
      phoneNumberId: settings.phoneNumberId,
      businessAccountId: settings.businessAccountId,
      ...number,
      verifyToken,
    },
    (id) => {
      const names = whatsappCloudSecrets(id);
      return { [names.accessToken]: settings.accessToken, [names.appSecret]: settings.appSecret };
    },
  );
  return { connectionId, webhookUrl: whatsappWebhookUrl(connectionId, "cloud"), verifyToken };
}
