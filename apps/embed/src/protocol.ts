// The postMessage contract between the loader (host page) and apps/widget (the iframe).
// README.md "Message contract" describes the same shapes for the widget side.

export const WIDGET_SOURCE = "echo-widget";
export const EMBED_SOURCE = "echo-embed";

/** Widget → loader, posted to `window.parent`. */
export type WidgetMessage =
  | { source: typeof WIDGET_SOURCE; type: "ready" }
  | { source: typeof WIDGET_SOURCE; type: "close" }
  | { source: typeof WIDGET_SOURCE; type: "resize"; height: number }
  | { source: typeof WIDGET_SOURCE; type: "unread"; count: number }
  | { source: typeof WIDGET_SOURCE; type: "position"; position: WidgetPosition };

/** The launcher's corner, from the organization's widget settings. */
export type WidgetPosition = "bottom-right" | "bottom-left";

/** Loader → widget, posted to the iframe with targetOrigin = the widget origin. */
export type EmbedMessage = {
  source: typeof EMBED_SOURCE;
  type: "init";
  hostUrl: string;
  hostTitle: string;
  hostReferrer: string;
  locale: string;
};
