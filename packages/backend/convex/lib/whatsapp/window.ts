import type { Doc } from "../../_generated/dataModel";

/** Meta's customer-service window: free-form messages only this long after the customer's last. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When free-form replies stop being allowed; null where no window applies (Evolution). */
export function windowClosesAt(
  connection: Doc<"whatsappConnections">,
  chat: Doc<"whatsappChats">,
): number | null {
  if (connection.gateway !== "cloud") return null;
  return (chat.lastInboundAt ?? 0) + CUSTOMER_SERVICE_WINDOW_MS;
}

export function windowOpen(
  connection: Doc<"whatsappConnections">,
  chat: Doc<"whatsappChats">,
  now = Date.now(),
): boolean {
  const closesAt = windowClosesAt(connection, chat);
  return closesAt === null || now < closesAt;
}
