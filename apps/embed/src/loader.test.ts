import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_WIDGET_URL, mount } from "./loader";
import type { EmbedMessage } from "./protocol";

const WIDGET_ORIGIN = new URL(DEFAULT_WIDGET_URL).origin;

// A tag with data-position shows its launcher at once; without one, the launcher waits for the widget.
function script(
  attributes: Record<string, string> = {
    "data-organization-id": "org_demo",
    "data-position": "bottom-right",
  },
) {
  const element = document.createElement("script");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.head.append(element);
  return element;
}

function mountDefault(attributes?: Record<string, string>) {
  const api = mount(script(attributes), window);
  if (!api) throw new Error("mount returned no API");
  return api;
}

const launcher = () => document.querySelector("button")!;
const frame = () => document.querySelector("iframe");
const badge = () => launcher().querySelector("span")!;
const root = () => launcher().parentElement!;

function fromWidget(
  data: unknown,
  options: { origin?: string; source?: MessageEventSource | null } = {},
) {
  window.dispatchEvent(
    new MessageEvent("message", {
      data,
      origin: options.origin ?? WIDGET_ORIGIN,
      source: options.source === undefined ? frame()!.contentWindow : options.source,
    }),
  );
}

const pressEscape = () =>
  document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));

afterEach(() => {
  window.EchoWidget?.destroy();
  document.head.replaceChildren();
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe("reading the script tag", () => {
  it("uses the defaults when only the organization id and position are given", () => {
    mountDefault();
    launcher().click();
    const expected = new URL(DEFAULT_WIDGET_URL);
    expected.search = "organizationId=org_demo&locale=en";
    expect(frame()!.src).toBe(expected.href);
    expect(root().style.right).toBe("20px");
    expect(root().style.left).toBe("");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat");
  });

  it("reads position, locale and widget URL", () => {
    mountDefault({
      "data-organization-id": "org x&y",
      "data-position": "bottom-left",
      "data-locale": "pt-BR",
      "data-widget-url": "https://widget.example.com",
    });
    launcher().click();
    expect(frame()!.src).toBe("https://widget.example.com/?organizationId=org+x%26y&locale=pt-BR");
    expect(root().style.left).toBe("20px");
    expect(root().style.right).toBe("");
    expect(launcher().getAttribute("aria-label")).toBe("Chat de suporte");
    expect(frame()!.title).toBe("Chat de suporte");
  });

  it("keeps a path in the widget URL", () => {
    mountDefault({
      "data-organization-id": "org_1",
      "data-position": "bottom-right",
      "data-widget-url": "https://example.com/support/",
    });
    launcher().click();
    expect(frame()!.src).toBe("https://example.com/support/?organizationId=org_1&locale=en");
  });

  it("falls back to bottom-right for an unknown position", () => {
    mountDefault({ "data-organization-id": "org_1", "data-position": "top-left" });
    expect(root().style.right).toBe("20px");
  });

  it("does nothing but warn when the organization id is missing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(mount(script({ "data-locale": "en" }), window)).toBeUndefined();
    expect(mount(null, window)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(window.EchoWidget).toBeUndefined();
    expect(document.body.children).toHaveLength(0);
  });
});

describe("launcher", () => {
  it("is an accessible button in a fixed container at the end of the body", () => {
    mountDefault();
    const button = launcher();
    expect(document.body.lastElementChild).toBe(root());
    expect(root().style.position).toBe("fixed");
    expect(button.type).toBe("button");
    expect(button.getAttribute("aria-label")).toBe("Support chat");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-controls")).toBe("echo-widget-frame");
    expect(button.querySelector("svg path")?.namespaceURI).toBe("http://www.w3.org/2000/svg");
    // Inside the button, the badge is not read on its own: the label carries the count.
    expect(button.contains(badge())).toBe(true);
    expect(badge().style.display).toBe("none");
  });

  it("sets styles through CSSOM only, so no style markup is needed", () => {
    mountDefault();
    launcher().click();
    expect(document.querySelectorAll("style")).toHaveLength(0);
    for (const element of [root(), launcher(), frame()!])
      expect(element.style.length).toBeGreaterThan(0);
  });
});

describe("opening and closing", () => {
  it("creates the iframe on first open only and keeps it afterwards", () => {
    const api = mountDefault();
    expect(frame()).toBeNull();
    api.open();
    const first = frame()!;
    expect(first.id).toBe("echo-widget-frame");
    expect(first.getAttribute("allow")).toBe("microphone");
    expect(first.style.display).toBe("");
    expect(launcher().getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(first);
    api.close();
    expect(first.style.display).toBe("none");
    expect(launcher().getAttribute("aria-expanded")).toBe("false");
    api.toggle();
    expect(document.querySelectorAll("iframe")).toHaveLength(1);
    expect(frame()).toBe(first);
    expect(first.style.display).toBe("");
  });

  it("toggles with the launcher", () => {
    mountDefault();
    launcher().click();
    expect(frame()!.style.display).toBe("");
    launcher().click();
    expect(frame()!.style.display).toBe("none");
  });

  it("closes on Escape and returns focus to the launcher", () => {
    const api = mountDefault();
    api.open();
    pressEscape();
    expect(frame()!.style.display).toBe("none");
    expect(launcher().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(launcher());
  });

  it("ignores Escape while closed", () => {
    const input = document.body.appendChild(document.createElement("input"));
    mountDefault();
    input.focus();
    pressEscape();
    expect(document.activeElement).toBe(input);
  });

  it("brings keyboard focus that leaves the open widget back into the iframe", () => {
    const input = document.body.appendChild(document.createElement("input"));
    const api = mountDefault();
    api.open();
    input.focus();
    expect(document.activeElement).toBe(frame());
    launcher().focus();
    expect(document.activeElement).toBe(launcher());
  });

  it("lets the visitor move focus to the page with a pointer", () => {
    const input = document.body.appendChild(document.createElement("input"));
    const api = mountDefault();
    api.open();
    input.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    input.focus();
    expect(document.activeElement).toBe(input);
  });

  it("leaves page focus alone while closed", () => {
    const input = document.body.appendChild(document.createElement("input"));
    const api = mountDefault();
    api.open();
    api.close();
    input.focus();
    expect(document.activeElement).toBe(input);
  });
});

describe("messages from the widget", () => {
  it("answers ready with the host page context, addressed to the widget origin only", () => {
    document.title = "Pricing — Acme";
    mountDefault({ "data-organization-id": "org_1", "data-locale": "pt-BR" }).open();
    const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
    fromWidget({ source: "echo-widget", type: "ready" });
    const init: EmbedMessage = {
      source: "echo-embed",
      type: "init",
      hostUrl: window.location.href,
      hostTitle: "Pricing — Acme",
      hostReferrer: document.referrer,
      locale: "pt-BR",
    };
    expect(post).toHaveBeenCalledExactlyOnceWith(init, WIDGET_ORIGIN);
  });

  it("sends the host page's address without its query and fragment, which may hold tokens", () => {
    const page = window.location.href;
    history.replaceState(null, "", "/account/reset?token=s3cret&email=a%40b.c#access_token=xyz");
    try {
      mountDefault().open();
      const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
      fromWidget({ source: "echo-widget", type: "ready" });
      expect(post.mock.calls[0]![0]).toMatchObject({
        hostUrl: `${window.location.origin}/account/reset`,
      });
    } finally {
      history.replaceState(null, "", page);
    }
  });

  it("sends the full address when the site opts in with data-full-url", () => {
    const page = window.location.href;
    history.replaceState(null, "", "/search?q=refund#results");
    try {
      mountDefault({ "data-organization-id": "org_1", "data-full-url": "true" }).open();
      const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
      fromWidget({ source: "echo-widget", type: "ready" });
      expect(post.mock.calls[0]![0]).toMatchObject({
        hostUrl: `${window.location.origin}/search?q=refund#results`,
      });
    } finally {
      history.replaceState(null, "", page);
    }
  });

  it("ignores messages from another origin, another window or without the widget tag", () => {
    const api = mountDefault();
    api.open();
    const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
    const other = document.body.appendChild(document.createElement("iframe")).contentWindow;
    const close = { source: "echo-widget", type: "close" };
    fromWidget(close, { origin: "https://evil.example" });
    fromWidget(close, { origin: "http://localhost:3002" });
    fromWidget(close, { source: window });
    fromWidget(close, { source: other });
    fromWidget(close, { source: null });
    fromWidget({ source: "someone-else", type: "close" });
    fromWidget("close");
    fromWidget(null);
    fromWidget({ source: "echo-widget", type: "ready" }, { origin: "https://evil.example" });
    expect(frame()!.style.display).toBe("");
    expect(post).not.toHaveBeenCalled();
  });

  it("ignores widget messages before the iframe exists", () => {
    mountDefault();
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { source: "echo-widget", type: "unread", count: 2 },
        origin: WIDGET_ORIGIN,
      }),
    );
    expect(badge().style.display).toBe("none");
  });

  it("closes on close and returns focus to the launcher", () => {
    const api = mountDefault();
    api.open();
    fromWidget({ source: "echo-widget", type: "close" });
    expect(frame()!.style.display).toBe("none");
    expect(launcher().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(launcher());
  });

  it("resizes the iframe height", () => {
    mountDefault().open();
    fromWidget({ source: "echo-widget", type: "resize", height: 480 });
    expect(frame()!.style.height).toBe("480px");
  });

  it("shows the unread count on the launcher badge and in its label", () => {
    const api = mountDefault();
    api.open();
    api.close();
    fromWidget({ source: "echo-widget", type: "unread", count: 3 });
    expect(badge().textContent).toBe("3");
    expect(badge().style.display).toBe("");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat (3)");
    fromWidget({ source: "echo-widget", type: "unread", count: 0 });
    expect(badge().style.display).toBe("none");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat");
  });
});

describe("position from the organization's settings", () => {
  const withoutPosition = () => mountDefault({ "data-organization-id": "org_demo" });

  it("without data-position, loads the widget hidden at once and shows no launcher yet", () => {
    withoutPosition();
    const expected = new URL(DEFAULT_WIDGET_URL);
    expected.search = "organizationId=org_demo&locale=en";
    expect(frame()!.src).toBe(expected.href);
    expect(frame()!.style.display).toBe("none");
    expect(document.querySelector("button")).toBeNull();
  });

  it("places the launcher where the widget says, then opens the frame it already loaded", () => {
    withoutPosition();
    const loaded = frame();
    fromWidget({ source: "echo-widget", type: "position", position: "bottom-left" });
    expect(root().style.left).toBe("20px");
    expect(root().style.right).toBe("");
    expect(root().lastElementChild).toBe(launcher());
    launcher().click();
    expect(document.querySelectorAll("iframe")).toHaveLength(1);
    expect(frame()).toBe(loaded);
    expect(frame()!.style.display).toBe("");
    fromWidget({ source: "echo-widget", type: "position", position: "bottom-right" });
    expect(root().style.right).toBe("20px");
    expect(root().style.left).toBe("");
  });

  it("takes the position only from the widget's own frame and origin", () => {
    withoutPosition();
    const message = { source: "echo-widget", type: "position", position: "bottom-left" };
    fromWidget(message, { origin: "https://evil.example" });
    fromWidget(message, { source: window });
    expect(document.querySelector("button")).toBeNull();
  });

  it("keeps data-position when the tag has one, whatever the organization's setting", () => {
    mountDefault({ "data-organization-id": "org_demo", "data-position": "bottom-left" });
    launcher().click();
    fromWidget({ source: "echo-widget", type: "position", position: "bottom-right" });
    expect(root().style.left).toBe("20px");
    expect(root().style.right).toBe("");
    expect(document.querySelectorAll("button")).toHaveLength(1);
  });
});

describe("global API", () => {
  it("defines window.EchoWidget with open, close, toggle and destroy", () => {
    const api = mountDefault();
    expect(window.EchoWidget).toBe(api);
    expect(Object.keys(api).sort()).toEqual(["close", "destroy", "open", "toggle"]);
  });

  it("is harmless when mounted twice", () => {
    const api = mountDefault();
    expect(mount(script({ "data-organization-id": "org_other" }), window)).toBeUndefined();
    expect(window.EchoWidget).toBe(api);
    expect(document.querySelectorAll("button")).toHaveLength(1);
  });

  it("destroy removes the elements, the listeners and the global", () => {
    const api = mountDefault();
    api.open();
    const contentWindow = frame()!.contentWindow;
    const oldLauncher = launcher();
    api.destroy();
    expect(window.EchoWidget).toBeUndefined();
    expect(document.querySelector("button, iframe")).toBeNull();
    const input = document.body.appendChild(document.createElement("input"));
    input.focus();
    pressEscape();
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { source: "echo-widget", type: "close" },
        origin: WIDGET_ORIGIN,
        source: contentWindow,
      }),
    );
    expect(document.activeElement).toBe(input);
    expect(oldLauncher.getAttribute("aria-expanded")).toBe("true");
    expect(mountDefault()).toBe(window.EchoWidget);
  });
});
