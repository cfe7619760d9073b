import { cleanup, render, screen } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import { afterEach, expect, test } from "vitest";

import { readPublicUrls } from "../../../../../../../scripts/lib/public-urls.mjs";
import en from "../../../../../messages/en.json";
import ptBR from "../../../../../messages/pt-BR.json";
import { DeploymentUrls } from "./deployment-urls";

afterEach(cleanup);

function renderUrls(env: Record<string, string>, locale: "en" | "pt-BR" = "en") {
  render(
    <NextIntlClientProvider locale={locale} messages={locale === "en" ? en : ptBR} timeZone="UTC">
      <DeploymentUrls urls={readPublicUrls(env)} />
    </NextIntlClientProvider>,
  );
}

test("shows the deployment's configured addresses with the variable each came from", () => {
  renderUrls({
    ECHO_WIDGET_URL: "https://widget.example.com",
    ECHO_EMBED_SCRIPT_URL: "https://cdn.example.com/widget.js",
    ECHO_CONVEX_URL: "https://happy-otter-123.convex.cloud",
  });
  expect(screen.queryByTestId("snippet-urls-unset")).toBeNull();
  expect(screen.getByTestId("deployment-url-widget").textContent).toBe(
    "Widgethttps://widget.example.com (from ECHO_WIDGET_URL)",
  );
  expect(screen.getByTestId("deployment-url-embedScript").textContent).toContain(
    "https://cdn.example.com/widget.js (from ECHO_EMBED_SCRIPT_URL)",
  );
  expect(screen.getByTestId("deployment-url-dashboard").textContent).toContain(
    "http://localhost:3000 (local default: ECHO_WEB_URL is not set)",
  );
});

test("says the snippet works nowhere else while its addresses are local defaults", () => {
  renderUrls({ ECHO_WIDGET_URL: "https://widget.example.com" });
  expect(screen.getByTestId("snippet-urls-unset").textContent).toContain(
    "because ECHO_EMBED_SCRIPT_URL is not set, so it works on no other site",
  );
  cleanup();
  renderUrls({}, "pt-BR");
  expect(screen.getByTestId("snippet-urls-unset").textContent).toContain(
    "porque ECHO_WIDGET_URL, ECHO_EMBED_SCRIPT_URL não estão definidas",
  );
});
