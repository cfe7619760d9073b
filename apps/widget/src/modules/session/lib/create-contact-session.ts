import type { ContactMetadata } from "@echo/backend/convex/lib/validators";

import type { StoredContactSession } from "./contact-session-storage";

export type ContactSessionRequest = {
  organizationId: string;
  name: string;
  email: string;
  metadata: ContactMetadata;
};

/**
 * A refusal from the backend's session route with its error code (lib/errors.ts), or UNKNOWN.
 * The code is checked against the translated messages where it is shown, so this module stays
 * out of the backend's error helpers (and the Convex client code they import).
 */
export class ContactSessionError extends Error {
  constructor(readonly code: string) {
    super(`contact session refused: ${code}`);
    this.name = "ContactSessionError";
  }
}

function codeOf(body: unknown): string {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "UNKNOWN";
}

/**
 * Creates the visitor's contact session through the backend's HTTP route
 * (`POST <site>/widget/contact-sessions`), which also records the visitor's country from the
 * request headers the server sees; the public mutation cannot.
 */
export async function createContactSession(
  siteUrl: string,
  request: ContactSessionRequest,
): Promise<StoredContactSession> {
  const response = await fetch(`${siteUrl}/widget/contact-sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new ContactSessionError(codeOf(body));
  const session = body as Partial<StoredContactSession> | null;
  if (typeof session?.contactSessionId !== "string" || typeof session.expiresAt !== "number")
    throw new ContactSessionError("UNKNOWN");
  return { contactSessionId: session.contactSessionId, expiresAt: session.expiresAt };
}
