import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type OrganizationEvent = {
  type: "organization.created" | "organization.updated" | "organization.deleted";
  data: { id: string; name: string; slug: string };
};

type Sender = (event: OrganizationEvent) => Promise<void>;

const ATTEMPTS = 3;

/**
 * Tells the backend about organization changes the way Clerk does: a Standard Webhooks (Svix)
 * signed POST, retried with backoff; the backend is idempotent on the event id.
 */
export function identityWebhookSender({
  url,
  secret,
  retryDelayMs = 500,
}: {
  url: string;
  secret: string;
  retryDelayMs?: number;
}): Sender {
  const signer = new Webhook(secret);
  return async (event) => {
    const id = `evt_${randomUUID()}`;
    const body = JSON.stringify({ type: event.type, data: event.data });
    let lastError = "";
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const timestamp = new Date();
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "webhook-id": id,
            "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
            "webhook-signature": signer.sign(id, timestamp, body),
          },
          body,
        });
        if (response.ok) return;
        lastError = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 429) break;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (attempt - 1)));
    }
    console.error(`[identity] ${event.type} for ${event.data.id} not delivered: ${lastError}`);
  };
}
