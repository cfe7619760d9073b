// The widget's side of the loader contract in apps/embed/src/protocol.ts (README "Message contract").

export const WIDGET_SOURCE = "echo-widget";
export const EMBED_SOURCE = "echo-embed";

export type WidgetMessage =
  | { source: typeof WIDGET_SOURCE; type: "ready" }
  | { source: typeof WIDGET_SOURCE; type: "close" }
  | { source: typeof WIDGET_SOURCE; type: "resize"; height: number }
  | { source: typeof WIDGET_SOURCE; type: "unread"; count: number };

export type EmbedInit = {
  source: typeof EMBED_SOURCE;
  type: "init";
  hostUrl: string;
  hostTitle: string;
  hostReferrer: string;
  locale: string;
};

/** What the widget keeps of the host page once `init` has arrived. */
export type HostPage = { url: string; title: string; referrer: string; locale: string };

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
