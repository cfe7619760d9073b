import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  transpilePackages: ["@echo/ui", "@echo/backend", "@echo/embed"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
