import type { IncomingMessage, ServerResponse } from "node:http";
import { stageTimes } from "../diagnostics/stage-times.ts";
import { UnavailableError } from "../runtime/errors/errors.ts";

export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, "RequestTooLarge", `Request body is larger than ${limit} bytes.`);
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  // Plain stream events: an async iterator per request costs more than the parsing of a small body.
  if (Number(req.headers["content-length"]) > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once("error", reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  const mark = stageTimes.start();
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "BadJsonBody", "The request body is not valid JSON.");
  } finally {
    stageTimes.end("decode", mark);
  }
}

/** Mirrors the caller's origin and requested headers, as the Convex backend's CORS layer does. */
export function setCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader("Access-Control-Allow-Origin", origin ?? "*");
  if (origin) {
    res.setHeader("Access-Control-Allow-Credentials", "true");
    res.setHeader("Vary", "Origin");
  }
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
  res.setHeader(
    "Access-Control-Allow-Headers",
    req.headers["access-control-request-headers"] ?? "*",
  );
  res.setHeader("Access-Control-Max-Age", "86400");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const encoding = stageTimes.start();
  const text = JSON.stringify(body);
  stageTimes.end("encode", encoding);
  const sending = stageTimes.start();
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(text),
  });
  res.end(text);
  stageTimes.end("send", sending);
}

export function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof HttpError) return sendJson(res, e.status, { code: e.code, message: e.message });
  if (e instanceof UnavailableError)
    return sendJson(res, 503, { code: e.code, message: e.message });
  sendJson(res, 500, {
    code: "InternalServerError",
    message: e instanceof Error ? e.message : String(e),
  });
}
