import type { EchoWidgetApi } from "./api";
import { createIcon, element, FRAME_ID, show } from "./elements";
import {
  EMBED_SOURCE,
  WIDGET_SOURCE,
  type EmbedMessage,
  type LauncherSettings,
  type WidgetMessage,
} from "./protocol";

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
  const viewport = win.visualViewport;
  // The unread token lives in the host page's storage (the widget's own may be blocked or partitioned).
  const key = "echo-unread:" + organizationId;
  const storage = (token?: string) => {
    try {
      return token ? win.localStorage.setItem(key, token) : win.localStorage.getItem(key);
    } catch {
      // Storage blocked by the browser: the badge then starts at 0 on each page view.
    }
  };

  const root = element(doc, "div", {});
  const launcher = element(doc, "button", {
    type: "button",
    ariaLabel: label,
    ariaExpanded: "false",
  });
  launcher.setAttribute("aria-controls", FRAME_ID);
  // The count is announced through the launcher's label, so the badge is hidden from assistive tech.
  const badge = element(doc, "span", { ariaHidden: "true" });
  launcher.append(createIcon(doc), badge);
  let frame: HTMLIFrameElement | undefined;
  let isOpen = false;
  // Until the widget says ready the frame still holds the host's blank page: posting to it fails.
  let ready = false;
  let css: LauncherSettings["css"] | undefined;

  // The badge counts replies the visitor has not seen, so it shows only while the widget is closed:
  // a reply that arrives in the open chat is read there a moment later.
  let unread = 0;
  const setUnread = (count = unread) => {
    unread = count;
    const shown = isOpen ? 0 : count;
    badge.textContent = "" + shown;
    show(badge, shown > 0);
    launcher.ariaLabel = shown > 0 ? `${label} (${shown})` : label;
  };

  const tell = (message: EmbedMessage) => frame?.contentWindow?.postMessage(message, origin);

  // Narrower than 480 px the widget fills the visual viewport, which shrinks above a phone's keyboard.
  const fit = () => {
    if (frame && css) {
      frame.style.cssText =
        win.innerWidth < 480 && viewport
          ? css.fullScreen + `;top:${viewport.offsetTop}px;height:${viewport.height}px`
          : css.panel;
      show(frame, isOpen);
    }
  };

  const setOpen = (next: boolean) => {
    isOpen = next;
    launcher.ariaExpanded = "" + next;
    setUnread();
    fit();
    if (ready) tell({ source: EMBED_SOURCE, type: "visibility", open: next });
  };

  const open = () => {
    if (!frame) {
      frame = element(doc, "iframe", { id: FRAME_ID, title: label, src: src.href });
      // Voice calls need the microphone, which a cross-origin iframe only gets when delegated.
      frame.setAttribute("allow", "microphone");
      root.prepend(frame);
    }
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
  launcher.onfocus = () => {
    if (launcher.matches(":focus-visible")) launcher.style.cssText += ";" + css!.focus;
  };
  launcher.onblur = () => (launcher.style.cssText = css!.launcher);

  listen(win, "message", (event: MessageEvent<WidgetMessage | undefined>) => {
    const message = event.data;
    if (
      event.origin === origin &&
      event.source === frame?.contentWindow &&
      message?.source === WIDGET_SOURCE
    ) {
      const type = message.type;
      if (type === "ready") {
        ready = true;
        tell({
          source: EMBED_SOURCE,
          type: "init",
          hostUrl: data.fullUrl ? doc.URL : doc.URL.split(/[?#]/)[0]!,
          hostTitle: doc.title,
          hostReferrer: doc.referrer,
          locale,
          open: isOpen,
          // Passed as written: the backend checks the signature, the widget only forwards it.
          identity: {
            userId: data.userId,
            email: data.userEmail,
            name: data.userName,
            hash: data.userHash,
          },
        });
      }
      if (type === "close") close(true);
      if (type === "unread") {
        setUnread(message.count);
        storage(message.token);
      }
    }
  });

  listen(doc, "keydown", (event: KeyboardEvent) => event.key === "Escape" && close(true));
  if (viewport) listen(viewport, "resize", fit);

  // The launcher's corner, colors and unread count come without the widget: it loads on first open.
  // Without them no launcher appears (the widget would not load either).
  fetch(src + "&launcher=" + (storage() || "") + "&position=" + (data.position || ""))
    .then((response) => response.json())
    .then((settings: LauncherSettings) => {
      css = settings.css;
      root.style.cssText = css.root;
      launcher.style.cssText = css.launcher;
      badge.style.cssText = css.badge;
      fit();
      // Once the widget is open it reports the count itself.
      setUnread(frame ? unread : settings.unread);
      root.append(launcher);
    })
    .catch(() => console.warn("Echo: no launcher settings"));

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
