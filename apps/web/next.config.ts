import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";

import { ciBuildExperimental } from "../../scripts/lib/next-build-settings.mjs";
import { assertPublicUrls } from "../../scripts/lib/public-urls.mjs";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // @echo/widget: the customization preview renders the widget's own components.
  transpilePackages: ["@echo/ui", "@echo/widget"],
  poweredByHeader: false,
  // `typecheck` (next typegen && tsc --noEmit) checks the same program; npm test runs it before the
  // build, so the build does not check it a second time.
  typescript: { ignoreBuildErrors: true },
  // For every response, API routes and error pages included; src/proxy.ts adds the CSP to pages.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

// A production build or server with a public URL that works nowhere else stops here, naming it.
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_PRODUCTION_SERVER) {
    assertPublicUrls(
      process.env,
      ["dashboard", "widget", "embedScript", "backend", "site"],
      "@echo/web",
    );
  }
  return withNextIntl({
    ...nextConfig,
    experimental: ciBuildExperimental(phase === PHASE_PRODUCTION_BUILD),
  });
}
