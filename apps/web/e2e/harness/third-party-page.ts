import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { closeServer } from "./close-server";

/**
 * A customer's own site on an origin of its own, embedding the widget with the one `<script>`
 * tag the integration guide gives (organization and locale set per page). Served on localhost
 * like the embed demo page: another origin than the widget, but the same site, because headless
 * Chromium denies a cross-site iframe its localStorage.
 */
export async function serveThirdPartyPage({
  title,
  embedScriptUrl,
  widgetUrl,
  organizationId,
  locale,
}: {
  title: string;
  embedScriptUrl: string;
  widgetUrl: string;
  organizationId: string;
  locale: string;
}) {
  const attribute = (value: string) => value.replaceAll("&", "&amp;").replaceAll('"', "&quot;");
  const html = `<!doctype html>
<html lang="${attribute(locale)}">
  <head>
    <meta charset="utf-8" />
    <title>${attribute(title)}</title>
    <script src="${attribute(embedScriptUrl)}" data-organization-id="${attribute(organizationId)}" data-locale="${attribute(locale)}" data-position="bottom-right" data-widget-url="${attribute(widgetUrl)}" async></script>
  </head>
  <body>
    <h1>${attribute(title)}</h1>
  </body>
</html>`;
  const server: Server = createServer((request, response) => {
    if (request.url !== "/") {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => closeServer(server),
  };
}
