// Serves demo.html and the built loader on http://localhost:4173 (file:// pages have an opaque origin postMessage cannot target).
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 4173);
const files = {
  "/demo.html": "text/html",
  "/demo.css": "text/css",
  "/demo.js": "text/javascript",
  "/dist/widget.js": "text/javascript",
};

createServer(async (request, response) => {
  const path = new URL(request.url ?? "/", "http://localhost").pathname;
  const file = path === "/" ? "/demo.html" : path;
  const type = files[file];
  if (!type) return response.writeHead(404).end("Not found");
  try {
    const body = await readFile(new URL(`..${file}`, import.meta.url));
    response
      .writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "no-store" })
      .end(body);
  } catch {
    response
      .writeHead(404)
      .end(file === "/dist/widget.js" ? "Run `pnpm build` first" : "Not found");
  }
}).listen(port, () => console.info(`Echo embed demo: http://localhost:${port}/`));
