/**
 * The widget's side of a request's log: one id per visitor action, sent to the backend with the
 * action, and one JSON line in the browser console with the same id (docs/deploy-server.md,
 * "Following one request").
 */
export function newRequestId(): string {
  // randomUUID exists only on secure origins; the widget may be served over plain http on a LAN.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function logRequest(
  level: "info" | "error",
  event: string,
  fields: { requestId: string; conversationId?: string | null; durationMs?: number } & Record<
    string,
    unknown
  >,
): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === "error") console.error(line);
  else console.info(line);
}
