import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const nextConfig: NextConfig = {
  // @echo/widget: the customization preview renders the widget's own components.
  transpilePackages: ["@echo/ui", "@echo/widget"],
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
