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
