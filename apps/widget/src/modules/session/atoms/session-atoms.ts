import { atom } from "jotai";

import {
  browserStorage,
  clearStoredSession,
  readStoredSession,
  type StoredContactSession,
  writeStoredSession,
} from "../lib/contact-session-storage";

/** The organization this frame serves, from the iframe URL; hydrated once at the root. */
export const organizationIdAtom = atom("");

/** The Convex deployment the live part connects to; hydrated once at the root. */
export const convexUrlAtom = atom("");

/** Where the backend serves HTTP actions (the contact-session route); hydrated once at the root. */
export const convexSiteUrlAtom = atom("");

const sessionAtom = atom<StoredContactSession | null | undefined>(undefined);

/**
 * The visitor's contact session for this organization, mirrored to localStorage.
 * `undefined` until storage has been read on the client.
 */
export const contactSessionAtom = atom(
  (get) => get(sessionAtom),
  (get, set, next: StoredContactSession | null | "load") => {
    const organizationId = get(organizationIdAtom);
    if (next === "load") {
      set(sessionAtom, readStoredSession(browserStorage(), organizationId));
      return;
    }
    if (next) writeStoredSession(browserStorage(), organizationId, next);
    else clearStoredSession(browserStorage(), organizationId);
    set(sessionAtom, next);
  },
);
