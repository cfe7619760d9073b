import {
  type HostPage,
  isEmbedInit,
  isEmbedVisibility,
  type VisitorIdentity,
  visitorIdentityOf,
  WIDGET_SOURCE,
} from "./protocol";

type OutgoingPayload = { type: "close" } | { type: "unread"; count: number; token?: string };

export type EmbedBridge = {
  /** Posts to the loader with the init origin; before init, keeps the latest of each type. */
  post(message: OutgoingPayload): void;
  dispose(): void;
};

/**
 * Says `ready` to the parent, accepts `init` (and later whether the widget is showing) only from
 * the parent window with the embed's tag, and from then on posts every message to the origin that
 * sent `init`.
 */
export function createEmbedBridge(
  win: Window,
  onInit: (host: HostPage) => void,
  onVisibility: (open: boolean) => void = () => undefined,
  onIdentity: (identity: VisitorIdentity | null) => void = () => undefined,
): EmbedBridge {
  const embedded = win.parent !== win;
  let hostOrigin: string | null = null;
  const pending = new Map<OutgoingPayload["type"], OutgoingPayload>();

  const send = (message: OutgoingPayload, origin: string) => {
    win.parent.postMessage({ source: WIDGET_SOURCE, ...message }, origin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent) return;
    if (isEmbedVisibility(event.data) && event.origin === hostOrigin) onVisibility(event.data.open);
    if (!isEmbedInit(event.data)) return;
    hostOrigin = event.origin;
    onVisibility(event.data.open !== false);
    const { hostUrl, hostTitle, hostReferrer, locale } = event.data;
    onIdentity(visitorIdentityOf(event.data));
    onInit({ url: hostUrl, title: hostTitle, referrer: hostReferrer, locale });
    for (const message of pending.values()) send(message, hostOrigin);
    pending.clear();
  };

  win.addEventListener("message", onMessage);
  // `ready` carries nothing, and the host origin is unknown until init answers it.
  if (embedded) win.parent.postMessage({ source: WIDGET_SOURCE, type: "ready" }, "*");

  return {
    post(message) {
      if (!embedded) return;
      if (hostOrigin === null) pending.set(message.type, message);
      else send(message, hostOrigin);
    },
    dispose() {
      win.removeEventListener("message", onMessage);
      pending.clear();
    },
  };
}
