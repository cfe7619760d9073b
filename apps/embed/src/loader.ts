import type { EchoWidgetApi } from "./api";
import {
  BADGE_STYLE,
  createIcon,
  element,
  FRAME_ID,
  FRAME_STYLE,
  LAUNCHER_STYLE,
  rootStyle,
  show,
} from "./elements";
import { EMBED_SOURCE, WIDGET_SOURCE, type EmbedMessage, type WidgetMessage } from "./protocol";

// The script's own origin is usually a CDN, not the widget app, so the default is fixed at build time.
export const DEFAULT_WIDGET_URL = import.meta.env.VITE_WIDGET_URL || "http://localhost:3001";

/**
 * Reads the loader's data-* attributes, injects the launcher into `win`'s page and defines `win.EchoWidget`.
 * Does nothing when `win.EchoWidget` already exists or the organization id is missing.
 */
export function mount(
  script: HTMLOrSVGScriptElement | null,
  win: Window,
): EchoWidgetApi | undefined {
  const data = script?.dataset;
  const organizationId = data?.organizationId;
  if (win.EchoWidget) return;
  if (!organizationId) {
    console.warn("Echo: no data-organization-id");
    return;
  }
  const locale = data.locale || "en";
  const doc = win.document;
  const src = new URL(data.widgetUrl || DEFAULT_WIDGET_URL);
  src.search = "" + new URLSearchParams({ organizationId, locale });
  const origin = src.origin;
  const label = /^pt/i.test(locale) ? "Chat de suporte" : "Support chat";
  const lifetime = new AbortController();
  const listen = <E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
  ) => target.addEventListener(type, handler as EventListener, { signal: lifetime.signal });

  // data-position wins. Without it the launcher waits for the organization's setting, which only
  // the widget knows, so the iframe loads (hidden) at once instead of on first open.
  const position = data.position;
  const root = element(doc, "div", { style: rootStyle(position) });
  const launcher = element(doc, "button", {
    type: "button",
    ariaLabel: label,
    ariaExpanded: "false",
    style: LAUNCHER_STYLE,
  });
  launcher.setAttribute("aria-controls", FRAME_ID);
  // The count is announced through the launcher's label; a button's children are not read.
  const badge = element(doc, "span", { style: BADGE_STYLE });
  launcher.append(createIcon(doc), badge);
  let frame: HTMLIFrameElement | undefined;
  let isOpen = false;
  let pointerAt = -1e3;

  const setOpen = (next: boolean) => {
    isOpen = next;
    launcher.ariaExpanded = "" + next;
    show(frame!, next);
  };

  const addFrame = () => {
    if (!frame) {
      frame = element(doc, "iframe", {
        id: FRAME_ID,
        title: label,
        src: src.href,
        style: FRAME_STYLE,
      });
      // Voice calls need the microphone, which a cross-origin iframe only gets when delegated.
      frame.setAttribute("allow", "microphone");
      root.prepend(frame);
    }
  };

  const open = () => {
    addFrame();
    setOpen(true);
    frame!.focus();
  };

  const close = (returnFocus?: unknown) => {
    if (isOpen) {
      if (returnFocus || root.contains(doc.activeElement)) launcher.focus();
      setOpen(false);
    }
  };

  const toggle = () => (isOpen ? close() : open());

  launcher.onclick = toggle;

  listen(win, "message", (event: MessageEvent<WidgetMessage | undefined>) => {
    const message = event.data;
    if (
      event.origin === origin &&
      event.source === frame?.contentWindow &&
      message?.source === WIDGET_SOURCE
    ) {
      const type = message.type;
      if (type === "ready") {
        // event.source is the frame's window, checked above.
        (event.source as Window).postMessage(
          {
            source: EMBED_SOURCE,
            type: "init",
            hostUrl: data.fullUrl ? doc.URL : doc.URL.split(/[?#]/)[0]!,
            hostTitle: doc.title,
            hostReferrer: doc.referrer,
            locale,
          } satisfies EmbedMessage,
          origin,
        );
      }
      if (type === "close") close(true);
      if (type === "resize") frame.style.height = message.height + "px";
      if (type === "unread") {
        const count = message.count;
        badge.textContent = "" + count;
        show(badge, count > 0);
        launcher.ariaLabel = count > 0 ? `${label} (${count})` : label;
      }
      // With data-position this only re-applies it; the launcher is appended once placed.
      if (type === "position") {
        root.style.cssText = rootStyle(position || message.position);
        root.append(launcher);
      }
    }
  });

  listen(doc, "keydown", (event: KeyboardEvent) => event.key === "Escape" && close(true));

  // Keyboard focus leaving the open widget is brought back; focus the visitor moves with a pointer is left alone.
  listen(doc, "pointerdown", (event) => (pointerAt = event.timeStamp));
  listen(doc, "focusin", (event) => {
    if (isOpen && event.timeStamp - pointerAt > 999 && !root.contains(event.target as Node))
      frame!.focus();
  });

  if (position) root.append(launcher);
  else addFrame();
  const attach = () => doc.body.append(root);
  if (doc.body) attach();
  else listen(doc, "DOMContentLoaded", attach);

  return (win.EchoWidget = {
    open,
    close,
    toggle,
    destroy() {
      lifetime.abort();
      root.remove();
      delete win.EchoWidget;
    },
  });
}
