// @vitest-environment node
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it, vi } from "vitest";

import { initServerSentry, reportRequestError } from "./server-sentry";

type Received = { path: string; query: URLSearchParams; auth: string; items: unknown[] };

/** A stand-in for Sentry's ingest endpoint: it records each envelope posted to it. */
async function fakeSentryIngest() {
  const received: Received[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    if (request.headers["content-encoding"] === "gzip") body = gunzipSync(body);
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    received.push({
      path: url.pathname,
      query: url.searchParams,
      auth: String(request.headers["x-sentry-auth"] ?? ""),
      // An envelope is newline-delimited JSON: its header, then a header and a payload per item.
      items: body
        .toString("utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    });
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => server.close() };
}

describe("server-side Sentry", () => {
  const ingest = fakeSentryIngest();

  afterAll(async () => {
    (await ingest).close();
  });

  it("stays off, and sends nothing, when no DSN is set or the DSN is malformed", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await initServerSentry({})).toBe(false);
    expect(await initServerSentry({ SENTRY_DSN: "https://sentry.example/1" })).toBe(false);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("no public key"));
    errors.mockRestore();
    const Sentry = await import("@sentry/nextjs");
    expect(Sentry.getClient()).toBeUndefined();
    reportRequestError(
      new Error("nobody hears this"),
      { path: "/en", method: "GET", headers: {} },
      {
        routerKind: "App Router",
        routePath: "/[locale]",
        routeType: "render",
        revalidateReason: undefined,
      },
    );
    expect((await ingest).received).toEqual([]);
  });

  it("sends a request error to the DSN's ingest endpoint as an event envelope", async () => {
    const { port, received } = await ingest;
    expect(await initServerSentry({ SENTRY_DSN: `http://publickey@127.0.0.1:${port}/42` })).toBe(
      true,
    );
    reportRequestError(
      new Error("The dashboard broke while rendering"),
      {
        path: "/en/analytics?token=query-secret",
        method: "GET",
        headers: {
          "user-agent": "vitest",
          cookie: "better-auth.session_token=cookie-secret",
          authorization: "Bearer header-secret",
        },
      },
      {
        routerKind: "App Router",
        routePath: "/[locale]/(dashboard)/analytics",
        routeType: "render",
        revalidateReason: undefined,
      },
    );
    const Sentry = await import("@sentry/nextjs");
    expect(await Sentry.flush(5000)).toBe(true);

    const envelope = received.find((r) => r.items.some((item) => isEventHeader(item)));
    expect(envelope).toBeDefined();
    expect(envelope!.path).toBe("/api/42/envelope/");
    expect(`${envelope!.auth} ${envelope!.query.get("sentry_key")}`).toContain("publickey");
    const event = envelope!.items[envelope!.items.findIndex(isEventHeader) + 1] as {
      exception: { values: Array<{ type: string; value: string }> };
      contexts: { nextjs?: Record<string, string> };
      request?: { url?: string; method?: string };
    };
    expect(event.exception.values.at(-1)).toMatchObject({
      type: "Error",
      value: "The dashboard broke while rendering",
    });
    expect(event.contexts.nextjs).toMatchObject({
      route_type: "render",
      router_path: "/[locale]/(dashboard)/analytics",
    });
    expect(event.request).toMatchObject({ method: "GET" });
    expect(JSON.stringify(event.request)).toContain("vitest");
    // The operator's credentials and the query string stay out of the report (the stack's
    // source context quotes this file, so only what describes the request is checked).
    expect(event.contexts.nextjs!.request_path).toBe("/en/analytics");
    expect(JSON.stringify([event.request, event.contexts])).not.toMatch(
      /cookie-secret|header-secret|query-secret/,
    );
  });
});

function isEventHeader(item: unknown) {
  return (item as { type?: string }).type === "event";
}
