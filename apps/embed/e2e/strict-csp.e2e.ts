import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TEST_BUILD_DIR } from "../test/build-once";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
const file = (path: string) => readFileSync(new URL(path, import.meta.url));
const servers: Server[] = [];

type Served = { type: string; body: string | Buffer; csp?: string; cors?: boolean };

function serve(handler: (path: string, query: URLSearchParams) => Served) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://x");
    const { type, body, csp, cors } = handler(url.pathname, url.searchParams);
    response.writeHead(200, {
      "content-type": type,
      ...(csp && { "content-security-policy": csp }),
      ...(cors && { "access-control-allow-origin": "*" }),
    });
    response.end(body);
  });
  servers.push(server);
  return new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );
}

// A stand-in for apps/widget that follows the README contract and reports what it received.
const widgetPage = `<!doctype html><html><body><script>
const seen = { query: location.search };
addEventListener("message", (event) => {
  if (event.source !== parent || event.data?.source !== "echo-embed") return;
  seen.init = event.data;
  seen.initOrigin = event.origin;
  parent.postMessage({ source: "echo-widget", type: "unread", count: 2, token: "token_1" }, event.origin);
  parent.postMessage({ source: "e2e-report", seen }, event.origin);
});
parent.postMessage({ source: "echo-widget", type: "ready" }, "*");
</script></body></html>`;

// Another origin framed by the host page, posting widget-shaped messages the loader must ignore.
const intruderPage = `<!doctype html><html><body><script>
setInterval(() => {
  parent.postMessage({ source: "echo-widget", type: "unread", count: 99, token: "stolen" }, "*");
  parent.postMessage({ source: "echo-widget", type: "close" }, "*");
}, 100);
</script></body></html>`;

let hostUrl = "";
let widgetUrl = "";

beforeAll(async () => {
  if (!existsSync(chromium))
    throw new Error(`Chromium not found at ${chromium}; set CHROMIUM_PATH`);
  // The organization's launcher settings, as apps/widget answers `?launcher=` (bottom-left, green).
  widgetUrl = await serve((_path, query) => {
    if (!query.has("launcher")) return { type: "text/html", body: widgetPage };
    const side = query.get("position") === "bottom-right" ? "right" : "left";
    const settings = {
      unread: query.get("launcher") === "token_1" ? 5 : 0,
      css: {
        root: `position:fixed;bottom:20px;${side}:20px;z-index:2147483647;display:grid;gap:16px;justify-items:${side === "left" ? "start" : "end"}`,
        launcher:
          "position:relative;width:56px;height:56px;border:0;border-radius:50%;background:#16a34a;fill:#0f172a",
        focus: "outline:3px solid #111;outline-offset:2px",
        badge: "position:absolute;top:-4px;right:-4px;background:#c00;color:#fff",
        panel: "width:400px;height:600px;border:0",
        fullScreen: "position:fixed;left:0;width:100%;z-index:1;border:0",
      },
    };
    return { type: "application/json", body: JSON.stringify(settings), cors: true };
  });
  const intruderUrl = await serve(() => ({ type: "text/html", body: intruderPage }));
  hostUrl = await serve((path) => {
    if (path === "/widget.js")
      return { type: "text/javascript", body: file(`../${TEST_BUILD_DIR}/widget.js`) };
    if (path === "/page.js") return { type: "text/javascript", body: file("./strict-csp-page.js") };
    return {
      type: "text/html",
      csp: `default-src 'none'; script-src ${hostUrl}; frame-src ${widgetUrl} ${intruderUrl}; connect-src ${widgetUrl}; require-trusted-types-for 'script'`,
      body: `<!doctype html><html><head><title>Host page</title>
<script src="/widget.js" data-organization-id="org_demo" data-locale="pt-BR" data-widget-url="${widgetUrl}"${path === "/org" ? "" : ` data-position="${path === "/left" ? "bottom-left" : "bottom-right"}"`} async></script>
<script src="/page.js" defer></script></head>
<body><h1>Shop</h1><iframe src="${intruderUrl}" title="ad"></iframe><pre id="report"></pre></body></html>`,
    };
  });
});

afterAll(() => servers.forEach((server) => server.close()));

async function runInChromium(url: string) {
  const { stdout } = await promisify(execFile)(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--window-size=1024,800",
      "--virtual-time-budget=5000",
      "--dump-dom",
      url,
    ],
    { timeout: 60_000 },
  );
  const json = /<pre id="report">(.*?)<\/pre>/s.exec(stdout)?.[1] ?? "";
  return JSON.parse(json.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"));
}

it("runs under a strict CSP and completes the message exchange in Chromium", async () => {
  const report = await runInChromium(`${hostUrl}/?from=e2e`);

  expect(report.styleAttributeBlocked).toBe(true);
  expect(report.violations).toEqual(["style-src-attr inline"]);
  expect(report.globals).toEqual(["EchoWidget"]);
  expect(report.fromWidget).toEqual({
    query: "?organizationId=org_demo&locale=pt-BR",
    init: {
      source: "echo-embed",
      type: "init",
      // The page's query is not sent: it can hold tokens or personal data (see data-full-url).
      hostUrl: `${hostUrl}/`,
      hostTitle: "Host page",
      hostReferrer: "",
      locale: "pt-BR",
      open: true,
      // No data-user-* attributes on this tag: no identity to pass on.
      identity: {},
    },
    initOrigin: hostUrl,
  });
  expect(report.beforeOpen).toEqual({ frames: 0, launcher: true, storedToken: null });
  expect(report.launcher).toEqual({
    // An open widget shows its replies itself: no count on the launcher under it.
    label: "Chat de suporte",
    expanded: "true",
    width: "56px",
    position: "fixed",
    background: "rgb(22, 163, 74)",
    iconFill: "rgb(15, 23, 42)",
  });
  expect(report.storedToken).toBe("token_1");
  expect(report.badge).toEqual({ text: "0", display: "none" });
  expect(report.frame).toEqual({
    src: `${widgetUrl}/?organizationId=org_demo&locale=pt-BR`,
    height: "600px",
    display: "block",
    focused: true,
  });
  // data-position="bottom-right" wins over the organization's bottom-left.
  expect(report.insets.launcher).toMatchObject({ right: 20, bottom: 20 });
  expect(report.insets.frame).toMatchObject({ right: 20, bottom: 20 + 56 + 16 });
  expect(report.afterEscape).toEqual({
    display: "none",
    launcherFocused: true,
    label: "Chat de suporte (2)",
    badge: { text: "2", display: "block" },
  });
});

it("stacks launcher and iframe in the bottom-left corner when asked", async () => {
  const { insets } = await runInChromium(`${hostUrl}/left`);
  expect(insets.launcher).toMatchObject({ left: 20, bottom: 20 });
  expect(insets.frame).toMatchObject({ left: 20, bottom: 20 + 56 + 16 });
});

it("places the launcher where the organization's settings say when the tag has no data-position", async () => {
  const { insets, afterEscape } = await runInChromium(`${hostUrl}/org`);
  expect(afterEscape.label).toBe("Chat de suporte (2)");
  expect(insets.launcher).toMatchObject({ left: 20, bottom: 20 });
  expect(insets.frame).toMatchObject({ left: 20, bottom: 20 + 56 + 16 });
});
