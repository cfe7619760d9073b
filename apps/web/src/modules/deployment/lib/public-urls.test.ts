// @vitest-environment node
import { expect, test } from "vitest";

import { publicUrlProblems, readPublicUrls } from "../../../../../../scripts/lib/public-urls.mjs";

const production = {
  ECHO_DEPLOYMENT: "production",
  ECHO_WEB_URL: "https://app.example.com",
  ECHO_WIDGET_URL: "https://widget.example.com/",
  ECHO_EMBED_SCRIPT_URL: "https://cdn.example.com/echo/widget.js",
  ECHO_CONVEX_URL: "https://happy-otter-123.convex.cloud",
  ECHO_CONVEX_SITE_URL: "https://happy-otter-123.convex.site",
};

test("a production deployment with every public URL on https has no problem", () => {
  expect(publicUrlProblems(production)).toEqual([]);
  expect(readPublicUrls(production).widget).toEqual({
    name: "ECHO_WIDGET_URL",
    value: "https://widget.example.com",
    configured: true,
  });
});

test("in production a localhost, plain-http or missing URL is named with its variable", () => {
  expect(
    publicUrlProblems({
      ...production,
      ECHO_WIDGET_URL: "http://localhost:3001",
      ECHO_WEB_URL: "http://app.example.com",
      ECHO_CONVEX_URL: "http://127.0.0.1:3210",
      ECHO_EMBED_SCRIPT_URL: undefined,
    }),
  ).toEqual([
    "ECHO_WEB_URL is not https: http://app.example.com",
    "ECHO_WIDGET_URL points at this machine (localhost): http://localhost:3001",
    "ECHO_EMBED_SCRIPT_URL is not set",
    "ECHO_CONVEX_URL points at this machine (localhost): http://127.0.0.1:3210",
  ]);
});

test("locally the defaults stand in for unset URLs and say they were not configured", () => {
  expect(publicUrlProblems({})).toEqual([]);
  const urls = readPublicUrls({ NEXT_PUBLIC_CONVEX_URL: "http://127.0.0.1:4110" });
  expect(urls.embedScript).toEqual({
    name: "ECHO_EMBED_SCRIPT_URL",
    value: "http://localhost:3002/dist/widget.js",
    configured: false,
  });
  expect(urls.backend).toMatchObject({ value: "http://127.0.0.1:4110", configured: true });
  expect(publicUrlProblems({ ECHO_WIDGET_URL: "widget.example.com" })).toEqual([
    "ECHO_WIDGET_URL is not an absolute URL: widget.example.com",
  ]);
});
