import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";

export type OrganizationEvent = {
  type: "organization.created" | "organization.updated" | "organization.deleted";
  data: { id: string; name: string; slug: string };
};

/** A user in Clerk's `user.*` payload shape, which the backend reads for both providers. */
export type UserEvent = {
  type: "user.created" | "user.updated" | "user.deleted";
  data: {
    id: string;
    first_name?: string;
    last_name?: null;
    image_url?: string | null;
    primary_email_address_id?: string;
    email_addresses?: { id: string; email_address: string }[];
    deleted?: true;
  };
};

/** A membership in Clerk's `organizationMembership.*` payload shape. */
export type MembershipEvent = {
  type:
    | "organizationMembership.created"
    | "organizationMembership.updated"
    | "organizationMembership.deleted";
  data: {
    id: string;
    role: string;
    organization: { id: string; name: string; slug: string };
    public_user_data: {
      user_id: string;
      first_name: string;
      last_name: null;
      identifier: string;
      image_url: string | null;
    };
  };
};

export type IdentityEvent = OrganizationEvent | UserEvent | MembershipEvent;

type Sender = (event: IdentityEvent) => Promise<void>;

const ATTEMPTS = 3;

/**
 * Tells the backend about users, organizations and memberships the way Clerk does: a Standard Webhooks (Svix)
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
