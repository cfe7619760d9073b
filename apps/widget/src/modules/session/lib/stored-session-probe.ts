import { storageKey } from "./contact-session-storage";

/** The attribute the probe sets on <html> when this organization has a stored session. */
export const STORED_SESSION_ATTRIBUTE = "data-echo-stored-session";

/**
 * An inline script for <head>: before the first paint, marks <html> when a session is stored so
 * the server-rendered auth form stays hidden for returning visitors instead of flashing.
 */
export function storedSessionProbeScript(): string {
  const prefix = JSON.stringify(storageKey(""));
  const attribute = JSON.stringify(STORED_SESSION_ATTRIBUTE);
  return `try{var o=new URLSearchParams(location.search).get("organizationId");if(o&&localStorage.getItem(${prefix}+o))document.documentElement.setAttribute(${attribute},"")}catch(e){}`;
}

/** Once the stored-session check is over, the auth form shows whenever the flow asks for it. */
export function clearStoredSessionMark(doc: Document): void {
  doc.documentElement.removeAttribute(STORED_SESSION_ATTRIBUTE);
}
