import { type IncomingMessage, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { type Backend } from "../runtime/backend.ts";
import { callerFromHeader } from "./identity.ts";

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
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
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
      ? await backend.runHttpAction(request, null, caller.message)
      : await backend.runHttpAction(request, caller.identity);
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
