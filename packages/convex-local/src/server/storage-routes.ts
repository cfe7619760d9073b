import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Backend } from "../runtime/backend.ts";
import { fileServingHeaders } from "./file-serving-headers.ts";
import { HttpError, readBody, sendJson } from "./http-util.ts";

/** Upload (`POST /api/storage/upload?token=`) and serving (`GET /api/storage/<id>`) of files. */
export async function handleStorageRoute(
  backend: Backend,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith("/api/storage/")) return false;
  const files = backend.files;
  if (req.method === "POST" && url.pathname === "/api/storage/upload") {
    const token = files.checkUploadToken(url.searchParams.get("token") ?? "");
    if ("refused" in token)
      throw token.refused === "expired"
        ? new HttpError(401, "StorageTokenExpired", "The upload URL has expired.")
        : new HttpError(401, "StorageTokenInvalid", "The upload URL's token is invalid.");
    const component = token.component;
    const bytes = await readBody(req, 1024 * 1024 * 1024);
    const digest = req.headers.digest;
    if (typeof digest === "string" && digest.startsWith("sha-256=")) {
      const actual = createHash("sha256").update(bytes).digest("base64");
      if (actual !== digest.slice(8))
        throw new HttpError(
          400,
          "DigestMismatch",
          "The uploaded bytes do not match the Digest header.",
        );
    }
    const storageId = await files.store(component, bytes, req.headers["content-type"] ?? null);
    sendJson(res, 200, { storageId });
    return true;
  }
  if (req.method === "GET" || req.method === "HEAD") {
    const storageId = decodeURIComponent(url.pathname.slice("/api/storage/".length));
    const doc = files.committedDoc(storageId);
    const bytes = doc ? files.readBytes(storageId) : null;
    if (!doc || !bytes) throw new HttpError(404, "FileNotFound", "File not found");
    const headers: Record<string, string> = {
      ...fileServingHeaders(doc.contentType),
      "Cache-Control": "private, max-age=2592000",
      "Accept-Ranges": "bytes",
    };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
    // An empty file has no byte to range over; Convex answers it whole.
    if (range && (range[1] || range[2]) && bytes.length > 0) {
      const start = range[1] ? Number(range[1]) : Math.max(0, bytes.length - Number(range[2]));
      const end =
        range[1] && range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
      if (start > end || start >= bytes.length)
        throw new HttpError(416, "RangeNotSatisfiable", "Requested range not satisfiable");
      res.writeHead(206, {
        ...headers,
        "Content-Range": `bytes ${start}-${end}/${bytes.length}`,
        "Content-Length": end - start + 1,
      });
      res.end(req.method === "HEAD" ? undefined : Buffer.from(bytes.subarray(start, end + 1)));
      return true;
    }
    res.writeHead(200, {
      ...headers,
      "Content-Length": bytes.length,
      Digest: `sha-256=${doc.sha256}`,
    });
    res.end(req.method === "HEAD" ? undefined : Buffer.from(bytes));
    return true;
  }
  return false;
}
