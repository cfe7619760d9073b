import { createReadStream, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves files below `dir` (GET/HEAD only, no listings); `/` maps to `index`. `replaceInHtml`
 * maps literal strings to their replacements in HTML files, read at request time (it gets the
 * request and may answer a promise). `routes` maps "METHOD /path" to a handler that answers instead.
 */
export function serveStatic(
  dir,
  { port, host = "127.0.0.1", index = "index.html", replaceInHtml = () => ({}), routes = {} },
) {
  const base = normalize(dir + sep);
  const server = createServer(async (request, response) => {
    const route = routes[`${request.method} ${new URL(request.url ?? "/", "http://x").pathname}`];
    if (route) {
      await Promise.resolve(route(request, response)).catch((error) => {
        console.error(`[static] ${request.method} ${request.url} failed`, error);
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end("Failed");
      });
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(base, pathname === "/" ? index : pathname));
    let size;
    try {
      if (!file.startsWith(base)) throw new Error("outside");
      const stats = statSync(file);
      if (!stats.isFile()) throw new Error("not a file");
      size = stats.size;
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    const headers = {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    };
    if (extname(file) === ".html") {
      let html = readFileSync(file, "utf8");
      const replacements = await Promise.resolve(replaceInHtml(request)).catch((error) => {
        console.error(`[static] ${file}: replacements failed, served as written`, error);
        return {};
      });
      for (const [from, to] of Object.entries(replacements)) html = html.replaceAll(from, to);
      const body = Buffer.from(html);
      response.writeHead(200, { ...headers, "content-length": body.length });
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    response.writeHead(200, { ...headers, "content-length": size });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server));
  });
}
