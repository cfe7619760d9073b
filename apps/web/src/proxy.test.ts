// @vitest-environment node
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

import { dashboardCspDirectives, serializeCsp } from "./modules/security/lib/dashboard-csp";
import proxy from "./proxy";

const page = (url: string) =>
  proxy(new NextRequest(url), {} as Parameters<typeof proxy>[1]) as Promise<Response> | Response;

function directives(policy: string | null) {
  return new Map(
    (policy ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe("the dashboard's Content-Security-Policy", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("forbids framing and limits scripts to this response's nonce", async () => {
    vi.stubEnv("ECHO_CONVEX_URL", "http://127.0.0.1:3210");
    const response = await page("http://localhost:3000/en/sign-in");
    const policy = directives(response.headers.get("content-security-policy"));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    const scripts = policy.get("script-src")!;
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const nonce = scripts.find((source) => source.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=]{20,}'$/);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);

    // Rendering sees the same policy on the request, so its scripts carry this nonce.
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(
      response.headers.get("content-security-policy"),
    );
    const again = await page("http://localhost:3000/en/sign-in");
    expect(again.headers.get("content-security-policy")).not.toContain(nonce);
  });

  it("connects only to this site, the configured backend (HTTP and WebSocket) and Sentry", () => {
    const policy = directives(
      serializeCsp(
        dashboardCspDirectives({
          nonce: "abc",
          secure: true,
          env: {
            ECHO_CONVEX_URL: "https://happy-otter-123.convex.cloud",
            NEXT_PUBLIC_SENTRY_DSN: "https://public@o42.ingest.sentry.io/7",
            ECHO_WIDGET_URL: "https://widget.example.com",
          },
        }),
      ),
    );
    expect(policy.get("connect-src")).toEqual([
      "'self'",
      "https://happy-otter-123.convex.cloud",
      "wss://happy-otter-123.convex.cloud",
      "https://o42.ingest.sentry.io",
    ]);
    expect(policy.get("img-src")).toContain("https://happy-otter-123.convex.cloud");
    // Attachments (thumbnails) come from the deployment's HTTP actions.
    expect(policy.get("img-src")).toContain("https://happy-otter-123.convex.site");
    expect(policy.get("frame-src")).toEqual(["'self'", "https://widget.example.com"]);
    expect(policy.get("media-src")).not.toContain("http:");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("without Sentry, connects to nothing but this site and the backend", () => {
    const policy = directives(
      serializeCsp(
        dashboardCspDirectives({
          secure: false,
          env: { NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:4110" },
        }),
      ),
    );
    expect(policy.get("connect-src")).toEqual([
      "'self'",
      "http://127.0.0.1:4110",
      "ws://127.0.0.1:4110",
    ]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });
});
