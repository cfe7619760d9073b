import type { ContactMetadata } from "@echo/backend/convex/lib/validators";

import type { VisitorIdentity } from "@/modules/embed/lib/protocol";

import type { StoredContactSession } from "./contact-session-storage";
import { takeSessionProof } from "./session-proof";

/** Without name and email, the session comes from the signed identity alone (no form). */
export type ContactSessionRequest = {
  organizationId: string;
  name?: string;
  email?: string;
  identity?: VisitorIdentity;
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

async function post(siteUrl: string, request: ContactSessionRequest) {
  const proof = await takeSessionProof(siteUrl, request.organizationId);
  const response = await fetch(`${siteUrl}/widget/contact-sessions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ ...request, proof }),
  });
  const body: unknown = await response.json().catch(() => null);
  return { ok: response.ok, body, code: response.ok ? null : codeOf(body) };
}

/**
 * Creates the visitor's contact session through the backend's HTTP route
 * (`POST <site>/widget/contact-sessions`), the only way there is: it checks a proof-of-work the
 * widget solved in the background, limits by client address, and records the visitor's country.
 */
export async function createContactSession(
  siteUrl: string,
  request: ContactSessionRequest,
): Promise<StoredContactSession> {
  let result = await post(siteUrl, request);
  // A challenge that expired while the visitor was away is replaced once, unseen.
  if (result.code === "CHALLENGE_FAILED") result = await post(siteUrl, request);
  const { body } = result;
  if (result.code) throw new ContactSessionError(result.code);
  const session = body as Partial<StoredContactSession> | null;
  if (typeof session?.contactSessionId !== "string" || typeof session.expiresAt !== "number")
    throw new ContactSessionError("UNKNOWN");
  return { contactSessionId: session.contactSessionId, expiresAt: session.expiresAt };
}
