/** The visitor's contact session as kept in localStorage, one per organization. */
export type StoredContactSession = { contactSessionId: string; expiresAt: number };

const KEY_PREFIX = "echo.contactSession.";

export function storageKey(organizationId: string): string {
  return `${KEY_PREFIX}${organizationId}`;
}

/**
 * The browser's localStorage, or null where reaching it throws: a cross-site iframe whose
 * browser blocks third-party storage throws a SecurityError on the property read itself.
 */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readStoredSession(
  storage: Storage | null,
  organizationId: string,
): StoredContactSession | null {
  let raw: string | null;
  try {
    if (!storage) return null;
    raw = storage.getItem(storageKey(organizationId));
  } catch {
    return null; // storage blocked (third-party iframe rules): behave as a first visit
  }
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<StoredContactSession>;
    if (typeof parsed.contactSessionId === "string" && typeof parsed.expiresAt === "number") {
      return { contactSessionId: parsed.contactSessionId, expiresAt: parsed.expiresAt };
    }
  } catch {
    // fall through: a corrupt entry is dropped below
  }
  clearStoredSession(storage, organizationId);
  return null;
}

export function writeStoredSession(
  storage: Storage | null,
  organizationId: string,
  session: StoredContactSession,
): void {
  try {
    storage?.setItem(storageKey(organizationId), JSON.stringify(session));
  } catch {
    // storage blocked: the session lives only as long as this frame
  }
}

export function clearStoredSession(storage: Storage | null, organizationId: string): void {
  try {
    storage?.removeItem(storageKey(organizationId));
  } catch {
    // storage blocked: nothing was kept
  }
}
