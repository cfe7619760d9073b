import { createRequire } from "node:module";
import { relative } from "node:path";

import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";

import { ciBuildExperimental } from "../../scripts/lib/next-build-settings.mjs";
import { assertPublicUrls } from "../../scripts/lib/public-urls.mjs";

// next-intl's message precompiling, configured directly: its plugin wires it only together with
// the App Router's request config, and this app uses the Pages Router (see pages/index.tsx).
// Messages become compiled ICU at build time, and the formatter that needs no ICU parser replaces
// the one that does, so the parser is never shipped to the browser.
const fromNextIntl = createRequire(createRequire(import.meta.url).resolve("next-intl/plugin"));
const formatOnly = relative(
  process.cwd(),
  fromNextIntl.resolve("use-intl/format-message/format-only"),
).replace(/\\/g, "/");

const nextConfig: NextConfig = {
  // next-intl and use-intl are bundled on the server too, so server rendering formats the compiled
  // messages with the same formatter as the browser (left external, Node loads the one that
  // expects ICU strings, and every message with an argument falls back to its key).
  transpilePackages: ["@echo/ui", "@echo/backend", "@echo/embed", "next-intl", "use-intl"],
  poweredByHeader: false,
  // `typecheck` (next typegen && tsc --noEmit) checks the same program; npm test runs it before the
  // build, so the build does not check it a second time.
  typescript: { ignoreBuildErrors: true },
  turbopack: {
    rules: {
      "*.json": {
        loaders: [
          {
            loader: "next-intl/extractor/catalogLoader",
            options: { messages: { format: "json", precompile: true } },
          },
        ],
        condition: { path: "{./messages}/**/*" },
        as: "*.js",
      },
    },
    resolveAlias: {
      "use-intl/format-message": formatOnly.startsWith(".") ? formatOnly : `./${formatOnly}`,
    },
  },
};

// A production build or server with a public URL that works nowhere else stops here, naming it.
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_PRODUCTION_SERVER) {
    assertPublicUrls(process.env, ["widget", "backend", "site"], "@echo/widget");
  }
  return { ...nextConfig, experimental: ciBuildExperimental(phase === PHASE_PRODUCTION_BUILD) };
}
