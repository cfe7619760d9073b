import { convexSiteUrlFrom, convexUrlFrom } from "@/modules/convex/convex-url-from-env";

export type DashboardCspInput = {
  /** A fresh random value per response; Next.js puts it on the scripts it renders. */
  nonce?: string;
  /** Whether the dashboard is served over https (then nothing may load over http). */
  secure: boolean;
  env?: Record<string, string | undefined>;
  dev?: boolean;
};

export type CspDirectives = Record<string, string[]>;

function origin(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * What the dashboard may load and talk to: its own scripts (by nonce), the Convex backend (HTTP,
 * its WebSocket and file storage), Sentry's ingest host when a DSN is set, the widget for
 * previews, and no site may frame it. Styles stay 'unsafe-inline': React and Radix set `style`
 * attributes, which nonces cannot cover.
 */
export function dashboardCspDirectives({
  nonce,
  secure,
  env = process.env,
  dev = false,
}: DashboardCspInput): CspDirectives {
  const backend = origin(convexUrlFrom(env));
  const backendSources = backend
    ? [backend.origin, `${backend.protocol === "https:" ? "wss:" : "ws:"}//${backend.host}`]
    : [];
  // Attachments are served by the deployment's HTTP actions, on its site origin.
  const site = origin(convexSiteUrlFrom(env));
  const sentry = origin(env.NEXT_PUBLIC_SENTRY_DSN?.trim());
  const widget = origin(env.ECHO_WIDGET_URL);
  return {
    "default-src": ["'self'"],
    "script-src": [
      "'self'",
      ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []),
      ...(dev ? ["'unsafe-eval'"] : []),
    ],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": [
      "'self'",
      "blob:",
      "data:",
      ...(backend ? [backend.origin] : []),
      ...(site ? [site.origin] : []),
    ],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...backendSources, ...(sentry ? [sentry.origin] : [])],
    // Call recordings live on the voice provider's storage, wherever that is.
    "media-src": ["'self'", "blob:", "https:", ...(secure ? [] : ["http:"])],
    "frame-src": ["'self'", ...(widget ? [widget.origin] : [])],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(secure ? { "upgrade-insecure-requests": [] } : {}),
  };
}

export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}
