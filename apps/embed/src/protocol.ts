// The postMessage contract between the loader (host page) and apps/widget (the iframe).
// README.md "Message contract" describes the same shapes for the widget side.

export const WIDGET_SOURCE = "echo-widget";
export const EMBED_SOURCE = "echo-embed";

/** Widget → loader, posted to `window.parent`. */
export type WidgetMessage =
  | { source: typeof WIDGET_SOURCE; type: "ready" }
  | { source: typeof WIDGET_SOURCE; type: "close" }
  /** `token` is the visitor's opaque unread token, kept by the loader for later page views. */
  | { source: typeof WIDGET_SOURCE; type: "unread"; count: number; token?: string };

/** The launcher's corner, from the tag or the organization's widget settings. */
export type WidgetPosition = "bottom-right" | "bottom-left";

/** Loader → widget, posted to the iframe with targetOrigin = the widget origin. */
export type EmbedMessage =
  | {
      source: typeof EMBED_SOURCE;
      type: "init";
      hostUrl: string;
      hostTitle: string;
      hostReferrer: string;
      locale: string;
      /** Whether the widget is showing; a hidden widget must not mark replies read. */
      open: boolean;
      /**
       * The tag's `data-user-*` attributes as written (each may be absent): the host page's
       * visitor signed with the organization's secret, trusted only once the backend verifies it.
       */
      identity?: { userId?: string; email?: string; name?: string; hash?: string };
    }
  | { source: typeof EMBED_SOURCE; type: "visibility"; open: boolean };

/**
 * `<widget-url>?…&launcher=<unread token>&position=<tag's position>`: the launcher as the
 * organization set it and the visitor's unread count, so no iframe loads until the visitor asks.
 * The widget app owns the launcher's look (brand colors, contrast, corner), so each part's style
 * arrives ready as CSS declarations for `style.cssText`.
 */
export type LauncherSettings = {
  position: WidgetPosition;
  colors: { background: string; foreground: string };
  unread: number;
  css: {
    root: string;
    launcher: string;
    /** Added to the launcher's style while it has keyboard focus (`:focus-visible`). */
    focus: string;
    badge: string;
    /** The open widget as a panel above the launcher. */
    panel: string;
    /** Narrower than 480 px: the whole visual viewport (the loader adds its top and height). */
    fullScreen: string;
  };
};
