import { Webhook } from "standardwebhooks";

export type WebhookEvent = { eventId: string; type: string; data: Record<string, unknown> };

/**
 * Checks a Standard Webhooks / Svix signature (Clerk signs with Svix) and returns the event, or
 * null when the signature, timestamp or payload is not acceptable.
 */
export function verifyWebhook(secret: string, body: string, headers: Headers): WebhookEvent | null {
  const header = (name: string) =>
    headers.get(`webhook-${name}`) ?? headers.get(`svix-${name}`) ?? "";
  const signed = {
    "webhook-id": header("id"),
    "webhook-timestamp": header("timestamp"),
    "webhook-signature": header("signature"),
  };
  try {
    const payload = new Webhook(secret).verify(body, signed) as { type?: unknown; data?: unknown };
    if (
      typeof payload.type !== "string" ||
      typeof payload.data !== "object" ||
      payload.data === null
    )
      return null;
    return {
      eventId: signed["webhook-id"],
      type: payload.type,
      data: payload.data as Record<string, unknown>,
    };
  } catch {
    return null;
  }
}
