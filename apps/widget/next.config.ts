import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Messages are compiled at build time, so the ICU parser is not shipped to the browser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: {
    messages: { path: "./messages", format: "json", locales: "infer", precompile: true },
  },
});

const nextConfig: NextConfig = {
  transpilePackages: ["@echo/ui", "@echo/backend", "@echo/embed"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
