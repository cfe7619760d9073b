// The widget's side of the loader contract; the message shapes live in @echo/embed/protocol.

import { EMBED_SOURCE, type EmbedMessage } from "@echo/embed/protocol";

export {
  EMBED_SOURCE,
  WIDGET_SOURCE,
  type WidgetMessage,
  type WidgetPosition,
} from "@echo/embed/protocol";

export type EmbedInit = Extract<EmbedMessage, { type: "init" }>;

/** What the widget keeps of the host page once `init` has arrived. */
export type HostPage = { url: string; title: string; referrer: string; locale: string };

/** The host page's signed visitor as the tag wrote it; only the backend's check makes it trusted. */
export type VisitorIdentity = { userId: string; email?: string; name?: string; hash: string };

/** The `identity` of an init that has at least a user id and a hash of the right shape, else null. */
export function visitorIdentityOf(init: EmbedInit): VisitorIdentity | null {
  const identity = init.identity;
  if (typeof identity !== "object" || identity === null) return null;
  const { userId, email, name, hash } = identity;
  if (typeof userId !== "string" || !userId.trim()) return null;
  if (typeof hash !== "string" || !/^[0-9a-f]{64}$/i.test(hash)) return null;
  return {
    userId,
    hash,
    ...(typeof email === "string" && email ? { email } : {}),
    ...(typeof name === "string" && name ? { name } : {}),
  };
}

/** The loader showing or hiding the widget; a loader older than the message says nothing (open). */
export function isEmbedVisibility(data: unknown): data is { open: boolean } {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.source === EMBED_SOURCE &&
    message.type === "visibility" &&
    typeof message.open === "boolean"
  );
}

export function isEmbedInit(data: unknown): data is EmbedInit {
  if (typeof data !== "object" || data === null) return false;
  const message = data as Record<string, unknown>;
  return (
    message.source === EMBED_SOURCE &&
    message.type === "init" &&
    typeof message.hostUrl === "string" &&
    typeof message.hostTitle === "string" &&
    typeof message.hostReferrer === "string" &&
    typeof message.locale === "string"
  );
}
