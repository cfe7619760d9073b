import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_WIDGET_URL, mount } from "./loader";
import type { EmbedMessage, LauncherSettings } from "./protocol";

const WIDGET_ORIGIN = new URL(DEFAULT_WIDGET_URL).origin;

/** What the widget app answers at `?launcher=` (apps/widget's launcher-settings.ts shapes it). */
function settingsFor(url: URL): LauncherSettings {
  const position =
    url.searchParams.get("position") === "bottom-left" ? "bottom-left" : "bottom-right";
  const side = position === "bottom-left" ? "left" : "right";
  return {
    position,
    colors: { background: "#16a34a", foreground: "#0f172a" },
    unread: url.searchParams.get("launcher") === "token_1" ? 2 : 0,
    css: {
      root: `position:fixed;bottom:20px;${side}:20px`,
      launcher: "width:56px;background:#16a34a;fill:#0f172a",
      focus: "outline:3px solid #111",
      badge: "position:absolute;background:#c00",
      panel: "width:400px;height:600px",
      fullScreen: "position:fixed;left:0;width:100%",
    },
  };
}

let requested: URL[] = [];
let answer: (url: URL) => Promise<Response>;

beforeEach(() => {
  requested = [];
  answer = async (url) => Response.json(settingsFor(url));
  vi.stubGlobal("fetch", (input: string) => {
    const url = new URL(input);
    requested.push(url);
    return answer(url);
  });
});

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

/** Mounts and waits for the launcher, which appears once its settings have arrived. */
async function mountDefault(attributes?: Record<string, string>) {
  const api = mount(script(attributes), window);
  if (!api) throw new Error("mount returned no API");
  await vi.waitFor(() => expect(document.querySelector("button")).not.toBeNull());
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
  localStorage.clear();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("reading the script tag", () => {
  it("uses the defaults when only the organization id and position are given", async () => {
    await mountDefault();
    launcher().click();
    const expected = new URL(DEFAULT_WIDGET_URL);
    expected.search = "organizationId=org_demo&locale=en";
    expect(frame()!.src).toBe(expected.href);
    expect(requested.map(String)).toEqual([`${expected.href}&launcher=&position=bottom-right`]);
    expect(root().style.right).toBe("20px");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat");
  });

  it("reads position, locale and widget URL", async () => {
    await mountDefault({
      "data-organization-id": "org x&y",
      "data-position": "bottom-left",
      "data-locale": "pt-BR",
      "data-widget-url": "https://widget.example.com",
    });
    launcher().click();
    expect(frame()!.src).toBe("https://widget.example.com/?organizationId=org+x%26y&locale=pt-BR");
    expect(requested[0]!.searchParams.get("position")).toBe("bottom-left");
    expect(root().style.left).toBe("20px");
    expect(launcher().getAttribute("aria-label")).toBe("Chat de suporte");
    expect(frame()!.title).toBe("Chat de suporte");
  });

  it("keeps a path in the widget URL", async () => {
    await mountDefault({
      "data-organization-id": "org_1",
      "data-widget-url": "https://example.com/support/",
    });
    launcher().click();
    expect(frame()!.src).toBe("https://example.com/support/?organizationId=org_1&locale=en");
    expect(requested[0]!.pathname).toBe("/support/");
  });

  it("does nothing but warn when the organization id is missing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(mount(script({ "data-locale": "en" }), window)).toBeUndefined();
    expect(mount(null, window)).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(2);
    expect(window.EchoWidget).toBeUndefined();
    expect(document.body.children).toHaveLength(0);
    expect(requested).toEqual([]);
  });
});

describe("launcher", () => {
  it("loads no widget, whatever the tag says, and draws the launcher from the organization's settings", async () => {
    await mountDefault({ "data-organization-id": "org_demo" });
    expect(frame()).toBeNull();
    expect(requested[0]!.searchParams.get("position")).toBe("");
    expect(document.body.lastElementChild).toBe(root());
    expect(root().style.position).toBe("fixed");
    expect(launcher().style.background).toBe("rgb(22, 163, 74)");
    expect(launcher().style.fill).toBe("rgb(15, 23, 42)");
    const button = launcher();
    expect(button.type).toBe("button");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(button.getAttribute("aria-controls")).toBe("echo-widget-frame");
    expect(button.querySelector("svg path")?.namespaceURI).toBe("http://www.w3.org/2000/svg");
    expect(badge().getAttribute("aria-hidden")).toBe("true");
    expect(badge().style.display).toBe("none");
  });

  it("shows the unread count behind the stored token before the widget loads", async () => {
    localStorage.setItem("echo-unread:org_demo", "token_1");
    await mountDefault();
    expect(requested[0]!.searchParams.get("launcher")).toBe("token_1");
    expect(badge().textContent).toBe("2");
    expect(badge().style.display).toBe("");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat (2)");
    expect(frame()).toBeNull();
  });

  it("shows no launcher when its settings cannot be loaded", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const failed = vi.fn();
    answer = async () => {
      failed();
      return new Response("{}", { status: 404 });
    };
    mount(script(), window);
    await vi.waitFor(() => expect(failed).toHaveBeenCalled());
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith("Echo: no launcher settings"));
    expect(document.querySelector("button")).toBeNull();
  });

  it("sets styles through CSSOM only, so no style markup is needed", async () => {
    await mountDefault();
    launcher().click();
    expect(document.querySelectorAll("style")).toHaveLength(0);
    for (const element of [root(), launcher(), frame()!])
      expect(element.style.length).toBeGreaterThan(0);
  });

  it("adds the focus ring only for keyboard focus, and removes it on blur", async () => {
    await mountDefault();
    const focusVisible = vi.spyOn(launcher(), "matches").mockReturnValue(true);
    launcher().focus();
    expect(focusVisible).toHaveBeenCalledWith(":focus-visible");
    expect(launcher().style.outline).toBe("3px solid rgb(17, 17, 17)");
    launcher().blur();
    expect(launcher().style.outline).toBe("");
    focusVisible.mockReturnValue(false);
    launcher().focus();
    expect(launcher().style.outline).toBe("");
  });
});

describe("opening and closing", () => {
  it("creates the iframe on first open only and keeps it afterwards", async () => {
    const api = await mountDefault();
    expect(frame()).toBeNull();
    api.open();
    const first = frame()!;
    expect(first.id).toBe("echo-widget-frame");
    expect(first.getAttribute("allow")).toBe("microphone");
    expect(first.style.display).toBe("");
    expect(first.style.width).toBe("400px");
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

  it("toggles with the launcher", async () => {
    await mountDefault();
    launcher().click();
    expect(frame()!.style.display).toBe("");
    launcher().click();
    expect(frame()!.style.display).toBe("none");
  });

  it("posts nothing to the frame before the widget is ready: it still holds the host's blank page", async () => {
    const api = await mountDefault();
    api.open();
    const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
    api.close();
    api.open();
    expect(post).not.toHaveBeenCalled();
  });

  it("tells the widget when it is shown and hidden", async () => {
    const api = await mountDefault();
    api.open();
    const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
    fromWidget({ source: "echo-widget", type: "ready" });
    post.mockClear();
    api.close();
    api.open();
    expect(post.mock.calls).toEqual([
      [{ source: "echo-embed", type: "visibility", open: false }, WIDGET_ORIGIN],
      [{ source: "echo-embed", type: "visibility", open: true }, WIDGET_ORIGIN],
    ]);
  });

  it("closes on Escape and returns focus to the launcher", async () => {
    const api = await mountDefault();
    api.open();
    pressEscape();
    expect(frame()!.style.display).toBe("none");
    expect(document.activeElement).toBe(launcher());
  });

  it("ignores Escape while closed", async () => {
    const input = document.body.appendChild(document.createElement("input"));
    await mountDefault();
    input.focus();
    pressEscape();
    expect(document.activeElement).toBe(input);
  });

  it("is non-modal: focus may move on to the page while the widget is open", async () => {
    const input = document.body.appendChild(document.createElement("input"));
    const api = await mountDefault();
    api.open();
    input.focus();
    expect(document.activeElement).toBe(input);
    expect(frame()!.style.display).toBe("");
  });

  it("fills a phone's visual viewport, above its keyboard", async () => {
    const viewport = Object.assign(new EventTarget(), { height: 844, offsetTop: 0 });
    vi.stubGlobal("visualViewport", viewport);
    vi.stubGlobal("innerWidth", 390);
    const api = await mountDefault();
    api.open();
    expect(frame()!.style.position).toBe("fixed");
    expect(frame()!.style.height).toBe("844px");
    Object.assign(viewport, { height: 500, offsetTop: 40 });
    viewport.dispatchEvent(new Event("resize"));
    expect(frame()!.style.height).toBe("500px");
    expect(frame()!.style.top).toBe("40px");
    api.close();
    viewport.dispatchEvent(new Event("resize"));
    expect(frame()!.style.display).toBe("none");
  });
});

describe("messages from the widget", () => {
  it("answers ready with the host page context and whether it shows, to the widget origin only", async () => {
    document.title = "Pricing — Acme";
    (await mountDefault({ "data-organization-id": "org_1", "data-locale": "pt-BR" })).open();
    const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
    fromWidget({ source: "echo-widget", type: "ready" });
    const init: EmbedMessage = {
      source: "echo-embed",
      type: "init",
      hostUrl: window.location.href,
      hostTitle: "Pricing — Acme",
      hostReferrer: document.referrer,
      locale: "pt-BR",
      open: true,
      identity: { userId: undefined, email: undefined, name: undefined, hash: undefined },
    };
    expect(post).toHaveBeenCalledExactlyOnceWith(init, WIDGET_ORIGIN);
  });

  it("forwards the tag's signed visitor identity with init, for the backend to verify", async () => {
    (
      await mountDefault({
        "data-organization-id": "org_1",
        "data-user-id": "u_42",
        "data-user-email": "ana@shop.example",
        "data-user-name": "Ana",
        "data-user-hash": "ab".repeat(32),
      })
    ).open();
    const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
    fromWidget({ source: "echo-widget", type: "ready" });
    expect(post.mock.calls[0]![0]).toMatchObject({
      identity: { userId: "u_42", email: "ana@shop.example", name: "Ana", hash: "ab".repeat(32) },
    });
  });

  it("sends the host page's address without its query and fragment, which may hold tokens", async () => {
    const page = window.location.href;
    history.replaceState(null, "", "/account/reset?token=s3cret&email=a%40b.c#access_token=xyz");
    try {
      (await mountDefault()).open();
      const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
      fromWidget({ source: "echo-widget", type: "ready" });
      expect(post.mock.calls[0]![0]).toMatchObject({
        hostUrl: `${window.location.origin}/account/reset`,
      });
    } finally {
      history.replaceState(null, "", page);
    }
  });

  it("sends the full address when the site opts in with data-full-url", async () => {
    const page = window.location.href;
    history.replaceState(null, "", "/search?q=refund#results");
    try {
      (await mountDefault({ "data-organization-id": "org_1", "data-full-url": "true" })).open();
      const post = vi.spyOn(frame()!.contentWindow!, "postMessage").mockImplementation(() => {});
      fromWidget({ source: "echo-widget", type: "ready" });
      expect(post.mock.calls[0]![0]).toMatchObject({
        hostUrl: `${window.location.origin}/search?q=refund#results`,
      });
    } finally {
      history.replaceState(null, "", page);
    }
  });

  it("ignores messages from another origin, another window or without the widget tag", async () => {
    const api = await mountDefault();
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

  it("ignores widget messages before the iframe exists", async () => {
    await mountDefault();
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { source: "echo-widget", type: "unread", count: 2 },
        origin: WIDGET_ORIGIN,
      }),
    );
    expect(badge().style.display).toBe("none");
  });

  it("closes on close and returns focus to the launcher", async () => {
    const api = await mountDefault();
    api.open();
    fromWidget({ source: "echo-widget", type: "close" });
    expect(frame()!.style.display).toBe("none");
    expect(launcher().getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(launcher());
  });

  it("shows the unread count on the badge and keeps the unread token for the next page view", async () => {
    const api = await mountDefault();
    api.open();
    api.close();
    fromWidget({ source: "echo-widget", type: "unread", count: 3, token: "token_9" });
    expect(badge().textContent).toBe("3");
    expect(badge().style.display).toBe("");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat (3)");
    expect(localStorage.getItem("echo-unread:org_demo")).toBe("token_9");
    fromWidget({ source: "echo-widget", type: "unread", count: 0 });
    expect(badge().style.display).toBe("none");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat");
    expect(localStorage.getItem("echo-unread:org_demo")).toBe("token_9");
  });

  it("shows no unread badge while the widget is open, and the count it last reported once closed", async () => {
    const api = await mountDefault();
    api.open();
    // A reply that arrives in the open chat counts as unread until the chat marks it read.
    fromWidget({ source: "echo-widget", type: "unread", count: 1, token: "token_3" });
    expect(badge().style.display).toBe("none");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat");
    expect(localStorage.getItem("echo-unread:org_demo")).toBe("token_3");
    api.close();
    expect(badge().textContent).toBe("1");
    expect(badge().style.display).toBe("");
    expect(launcher().getAttribute("aria-label")).toBe("Support chat (1)");
    api.open();
    expect(badge().style.display).toBe("none");
    fromWidget({ source: "echo-widget", type: "unread", count: 0 });
    api.close();
    expect(badge().style.display).toBe("none");
  });
});

describe("global API", () => {
  it("defines window.EchoWidget with open, close, toggle and destroy", async () => {
    const api = await mountDefault();
    expect(window.EchoWidget).toBe(api);
    expect(Object.keys(api).sort()).toEqual(["close", "destroy", "open", "toggle"]);
  });

  it("is harmless when mounted twice", async () => {
    const api = await mountDefault();
    expect(mount(script({ "data-organization-id": "org_other" }), window)).toBeUndefined();
    expect(window.EchoWidget).toBe(api);
    expect(document.querySelectorAll("button")).toHaveLength(1);
  });

  it("destroy removes the elements, the listeners and the global", async () => {
    const api = await mountDefault();
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
    expect(await mountDefault()).toBe(window.EchoWidget);
  });
});
