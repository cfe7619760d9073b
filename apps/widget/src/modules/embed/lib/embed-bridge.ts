import { type HostPage, isEmbedInit, WIDGET_SOURCE, type WidgetPosition } from "./protocol";

type OutgoingPayload =
  | { type: "close" }
  | { type: "resize"; height: number }
  | { type: "unread"; count: number }
  | { type: "position"; position: WidgetPosition };

export type EmbedBridge = {
  /** Posts to the loader with the init origin; before init, keeps the latest of each type. */
  post(message: OutgoingPayload): void;
  dispose(): void;
};

/**
 * Says `ready` to the parent, accepts `init` only from the parent window with the embed's tag,
 * and from then on posts every message to the origin that sent `init`.
 */
export function createEmbedBridge(win: Window, onInit: (host: HostPage) => void): EmbedBridge {
  const embedded = win.parent !== win;
  let hostOrigin: string | null = null;
  const pending = new Map<OutgoingPayload["type"], OutgoingPayload>();

  const send = (message: OutgoingPayload, origin: string) => {
    win.parent.postMessage({ source: WIDGET_SOURCE, ...message }, origin);
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== win.parent || !isEmbedInit(event.data)) return;
    hostOrigin = event.origin;
    const { hostUrl, hostTitle, hostReferrer, locale } = event.data;
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
