// @vitest-environment node
import { prerenderToNodeStream } from "react-dom/static";
import { describe, expect, it } from "vitest";

import { shellText } from "@/i18n/shell-text";
import type { InitialState } from "@/modules/flow/server/load-initial-state";
import { acmeInitialState } from "@/test/initial-state";

import ptBR from "../../../../../messages/pt-BR.json";
import { WidgetApp } from "./widget-app";

/** The page's HTML as the server sends it: what the visitor sees before any JavaScript runs. */
async function serverHtml(organizationId: string, initialState: InitialState): Promise<string> {
  const organizationName = initialState.organization?.valid ? initialState.organization.name : null;
  const { prelude } = await prerenderToNodeStream(
    <WidgetApp
      convexUrl="http://127.0.0.1:3210"
      convexSiteUrl="http://127.0.0.1:3211"
      organizationId={organizationId}
      initialState={initialState}
      intl={{ locale: "pt-BR", messages: ptBR, timeZone: "UTC" }}
      shellText={shellText("pt-BR", ptBR, organizationName)}
    />,
  );
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

const acme = acmeInitialState({
  greeting: "Oi",
  position: "bottom-left",
  defaultLanguage: "pt-BR",
  logoUrl: "https://cdn.example/acme.png",
});

// The auth form and the errors load as their own chunks in the browser; on the server they render
// in full, so the first paint never waits for them.
describe("the widget's first paint, rendered on the server", () => {
  it("holds the translated auth form and the branded header for a first-time visitor", async () => {
    const html = await serverHtml("org_acme", acme);
    expect(html).toContain('name="name"');
    expect(html).toContain('name="email"');
    expect(html).toContain(ptBR.auth.submit);
    expect(html).toContain(`aria-label="${ptBR.widget.close}"`);
    expect(html).toContain(`alt="${ptBR.widget.logoAlt.replace("{name}", "Acme")}"`);
    expect(html).toContain(">Acme</h1>");
  });

  it("holds the message for an organization that does not exist", async () => {
    const html = await serverHtml("org_missing", {
      organization: { valid: false, reason: "NOT_FOUND" },
      settings: null,
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain(ptBR.error.ORGANIZATION_NOT_FOUND);
    expect(html).not.toContain('name="email"');
  });
});
