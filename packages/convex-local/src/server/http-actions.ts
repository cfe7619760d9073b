import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable, Transform } from "node:stream";
import type { Backend } from "../runtime/backend.ts";
import { sendError, tooLarge } from "./http-util.ts";
import { callerFromHeader } from "./identity.ts";

/** Convex's `HTTP_ACTION_BODY_LIMIT`: 20 MiB. */
export const HTTP_ACTION_BODY_LIMIT = 20 << 20;

/** The request body as a stream that fails once more than `limit` bytes went through. */
function limitedBody(req: IncomingMessage, limit: number, onOverflow: () => void): ReadableStream {
  let size = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size <= limit) return done(null, chunk);
      onOverflow();
      req.unpipe(limited);
      req.resume();
      done(tooLarge(limit));
    },
  });
  return Readable.toWeb(req.pipe(limited)) as ReadableStream;
}

/** Serves one request as an HTTP action; `path` is the route path (prefix already removed). */
export async function serveHttpAction(
  backend: Backend,
  adminSecret: string | null,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  const proto = (req.headers["x-forwarded-proto"] as string | undefined) ?? "http";
  const url = `${proto}://${req.headers.host ?? "127.0.0.1"}${path}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  if (hasBody && Number(req.headers["content-length"]) > HTTP_ACTION_BODY_LIMIT) {
    req.resume();
    return sendError(res, tooLarge(HTTP_ACTION_BODY_LIMIT));
  }
  let overflowed = false;
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? limitedBody(req, HTTP_ACTION_BODY_LIMIT, () => (overflowed = true)) : undefined,
    duplex: "half",
  } as RequestInit);
  // Refused credentials do not block an HTTP action (it may read the header itself), but, as in
  // Convex, `ctx.auth.getUserIdentity()` then throws instead of answering null.
  const caller = await callerFromHeader(backend, req.headers.authorization, adminSecret).then(
    (c) => c,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  const response =
    caller instanceof Error
      ? await backend.httpActions.run(request, null, caller.message)
      : await backend.httpActions.run(request, caller.identity);
  // A body cut off at the limit is the request's fault, whatever the action made of it.
  if (overflowed) return sendError(res, tooLarge(HTTP_ACTION_BODY_LIMIT));
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    const existing = outHeaders[name];
    outHeaders[name] = existing
      ? [...(Array.isArray(existing) ? existing : [existing]), value]
      : value;
  });
  res.writeHead(response.status, outHeaders);
  if (!response.body || req.method === "HEAD") {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}
