// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";

import { createEmbedBridge } from "./embed-bridge";

const HOST = "https://shop.example";
const init = {
  source: "echo-embed",
  type: "init",
  hostUrl: "https://shop.example/cart",
  hostTitle: "Cart",
  hostReferrer: "https://search.example/",
  locale: "pt-BR",
};

/** The widget runs in a real jsdom iframe; its parent is jsdom's top window. */
function frame() {
  const iframe = document.createElement("iframe");
  document.body.append(iframe);
  const win = iframe.contentWindow as Window;
  const parent = win.parent;
  const toParent = vi.spyOn(parent, "postMessage").mockImplementation(() => undefined);
  const deliver = (data: unknown, source: Window | null = parent, origin = HOST) =>
    win.dispatchEvent(new MessageEvent("message", { data, origin, source }));
  return { win, parent, toParent, deliver };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

describe("createEmbedBridge", () => {
  it("says ready to the parent with any origin, since it carries nothing", () => {
    const { win, toParent } = frame();
    createEmbedBridge(win, () => undefined);
    expect(toParent).toHaveBeenCalledWith({ source: "echo-widget", type: "ready" }, "*");
  });

  it("accepts init from the parent window and reports the host page", () => {
    const { win, deliver } = frame();
    const onInit = vi.fn();
    createEmbedBridge(win, onInit);
    deliver(init);
    expect(onInit).toHaveBeenCalledWith({
      url: "https://shop.example/cart",
      title: "Cart",
      referrer: "https://search.example/",
      locale: "pt-BR",
    });
  });

  it("ignores init from another window, with another source tag, or malformed", () => {
    const { win, deliver } = frame();
    const onInit = vi.fn();
    createEmbedBridge(win, onInit);
    const intruder = document.createElement("iframe");
    document.body.append(intruder);
    deliver(init, intruder.contentWindow);
    deliver(init, null);
    deliver({ ...init, source: "echo-widget" });
    deliver({ ...init, hostUrl: 42 });
    deliver("init");
    expect(onInit).not.toHaveBeenCalled();
  });

  it("posts later messages to the origin init came from, queueing the latest until then", () => {
    const { win, toParent, deliver } = frame();
    const bridge = createEmbedBridge(win, () => undefined);
    toParent.mockClear();
    bridge.post({ type: "unread", count: 1 });
    bridge.post({ type: "unread", count: 2 });
    expect(toParent).not.toHaveBeenCalled();
    deliver(init);
    expect(toParent).toHaveBeenCalledTimes(1);
    expect(toParent).toHaveBeenCalledWith(
      { source: "echo-widget", type: "unread", count: 2 },
      HOST,
    );
    bridge.post({ type: "close" });
    expect(toParent).toHaveBeenLastCalledWith({ source: "echo-widget", type: "close" }, HOST);
  });

  it("follows whether the loader shows the widget, from init on, and only from the init origin", () => {
    const { win, deliver } = frame();
    const onVisibility = vi.fn();
    createEmbedBridge(win, () => undefined, onVisibility);
    deliver({ source: "echo-embed", type: "visibility", open: false });
    expect(onVisibility).not.toHaveBeenCalled();
    deliver({ ...init, open: false });
    expect(onVisibility).toHaveBeenLastCalledWith(false);
    deliver({ source: "echo-embed", type: "visibility", open: true });
    expect(onVisibility).toHaveBeenLastCalledWith(true);
    deliver(
      { source: "echo-embed", type: "visibility", open: false },
      win.parent,
      "https://evil.example",
    );
    deliver({ source: "echo-embed", type: "visibility", open: "no" });
    expect(onVisibility).toHaveBeenCalledTimes(2);
    // A loader from before the message says nothing: its widget is showing when it loads.
    deliver(init);
    expect(onVisibility).toHaveBeenLastCalledWith(true);
  });

  it("hands on the tag's signed identity, and none when it lacks a user id or a well-formed hash", () => {
    const { win, deliver } = frame();
    const onIdentity = vi.fn();
    createEmbedBridge(win, () => undefined, undefined, onIdentity);
    const hash = "AB".repeat(32);
    deliver({ ...init, identity: { userId: "u_1", email: "ana@x.example", name: "", hash } });
    expect(onIdentity).toHaveBeenLastCalledWith({ userId: "u_1", email: "ana@x.example", hash });
    deliver({ ...init, identity: { userId: "u_1", hash: "not-hex" } });
    expect(onIdentity).toHaveBeenLastCalledWith(null);
    deliver({ ...init, identity: { userId: " ", hash } });
    expect(onIdentity).toHaveBeenLastCalledWith(null);
    deliver(init);
    expect(onIdentity).toHaveBeenLastCalledWith(null);
  });

  it("stops listening once disposed", () => {
    const { win, deliver } = frame();
    const onInit = vi.fn();
    createEmbedBridge(win, onInit).dispose();
    deliver(init);
    expect(onInit).not.toHaveBeenCalled();
  });

  it("stays silent when the page is not framed", () => {
    const { parent: top } = frame();
    const toSelf = vi.spyOn(top, "postMessage").mockImplementation(() => undefined);
    const bridge = createEmbedBridge(top, () => undefined);
    bridge.post({ type: "close" });
    expect(toSelf).not.toHaveBeenCalled();
    bridge.dispose();
  });
});
