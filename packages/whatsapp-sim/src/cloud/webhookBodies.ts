/**
 * The WhatsApp Cloud API's webhook bodies, shaped as Meta documents them:
 * `{ object: "whatsapp_business_account", entry: [{ id, changes: [{ field: "messages", value }] }] }`.
 */

export type CloudNumberIds = {
  phoneNumberId: string;
  businessAccountId: string;
  displayPhoneNumber: string;
};

export type InboundCloudMessage = {
  /** The customer's number, digits only (WhatsApp's `wa_id`). */
  from: string;
  name?: string;
  id: string;
  /** Seconds since the epoch, as a string (Meta's form). */
  timestamp: string;
  type: string;
  /** The type's object, e.g. `{ body }` for text or `{ id, mime_type, caption }` for an image. */
  content?: Record<string, unknown>;
  /** For `contacts`: the shared cards. */
  contacts?: Record<string, unknown>[];
  replyTo?: string;
};

export type CloudStatus = {
  id: string;
  status: "sent" | "delivered" | "read" | "failed";
  recipient: string;
  timestamp: string;
  error?: { code: number; title: string; details?: string };
};

function envelope(ids: CloudNumberIds, value: Record<string, unknown>) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: ids.businessAccountId,
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: {
                display_phone_number: ids.displayPhoneNumber.replace(/\D/g, ""),
                phone_number_id: ids.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function messageBody(ids: CloudNumberIds, message: InboundCloudMessage) {
  return envelope(ids, {
    contacts: [{ profile: { name: message.name ?? message.from }, wa_id: message.from }],
    messages: [
      {
        from: message.from,
        id: message.id,
        timestamp: message.timestamp,
        type: message.type,
        ...(message.replyTo ? { context: { from: message.from, id: message.replyTo } } : {}),
        ...(message.type === "contacts"
          ? { contacts: message.contacts ?? [] }
          : { [message.type]: message.content ?? {} }),
      },
    ],
  });
}

export function statusBody(ids: CloudNumberIds, status: CloudStatus) {
  return envelope(ids, {
    statuses: [
      {
        id: status.id,
        status: status.status,
        timestamp: status.timestamp,
        recipient_id: status.recipient,
        ...(status.status === "failed" && status.error
          ? {
              errors: [
                {
                  code: status.error.code,
                  title: status.error.title,
                  message: status.error.title,
                  error_data: { details: status.error.details ?? status.error.title },
                },
              ],
            }
          : {}),
      },
    ],
  });
}
