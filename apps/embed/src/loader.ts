import type { EchoWidgetApi } from "./api";
import { createFrame, createLauncher, createRoot, show } from "./elements";
import { labelFor } from "./labels";
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
  const label = labelFor(locale);
  const lifetime = new AbortController();
  const listen = <E extends Event>(
    target: EventTarget,
    type: string,
    handler: (event: E) => void,
  ) => target.addEventListener(type, handler as EventListener, { signal: lifetime.signal });

  const root = createRoot(doc, data.position === "bottom-left");
  const [launcher, badge] = createLauncher(doc, label);
  let frame: HTMLIFrameElement | undefined;
  let isOpen = false;
  let pointerAt = -1e3;
  root.append(launcher);

  const setOpen = (next: boolean) => {
    isOpen = next;
    launcher.ariaExpanded = "" + next;
    show(frame!, next);
  };

  const open = () => {
    if (!frame) root.prepend((frame = createFrame(doc, src.href, label)));
    setOpen(true);
    frame.focus();
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
        const init: EmbedMessage = {
          source: EMBED_SOURCE,
          type: "init",
          hostUrl: doc.URL,
          hostTitle: doc.title,
          hostReferrer: doc.referrer,
          locale,
        };
        frame.contentWindow!.postMessage(init, origin);
      }
      if (type === "close") close(true);
      if (type === "resize") frame.style.height = message.height + "px";
      if (type === "unread") {
        const count = message.count;
        badge.textContent = "" + count;
        show(badge, count > 0);
        launcher.ariaLabel = count > 0 ? `${label} (${count})` : label;
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
