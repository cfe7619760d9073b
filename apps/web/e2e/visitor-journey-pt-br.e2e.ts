import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { serveThirdPartyPage } from "./harness/third-party-page";

// The visitor journey again, in Portuguese end to end: a Brazilian customer's page embeds the
// widget with data-locale="pt-BR", the visitor's browser speaks pt-BR, the operator works in /pt-BR.
describe("uma visitante chega à IA e depois a uma pessoa, em português", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let page: Awaited<ReturnType<typeof serveThirdPartyPage>>;
  let visitorBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let site: Page;
  let widget: FrameLocator;
  let dashboard: Page;

  beforeAll(async () => {
    page = await serveThirdPartyPage({
      title: "Nimbus — Central de ajuda",
      embedScriptUrl: `${urls.demo}/dist/widget.js`,
      widgetUrl: urls.widget,
      organizationId: demo.organizationId,
      locale: "pt-BR",
    });
    [visitorBrowser, operatorBrowser] = await Promise.all([
      launchBrowser({ locale: "pt-BR" }),
      launchBrowser({ locale: "pt-BR" }),
    ]);
    site = await visitorBrowser.newPage();
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login, {
      at: "/pt-BR/conversations",
    });
  });

  afterAll(async () => {
    await Promise.all([visitorBrowser?.dispose(), operatorBrowser?.dispose(), page?.close()]);
  });

  it("the dashboard speaks Portuguese", async () => {
    await dashboard.getByRole("heading", { name: "Conversas" }).first().waitFor();
    await dashboard.getByRole("link", { name: "Base de conhecimento", exact: true }).waitFor();
    await dashboard
      .getByRole("group", { name: "Filtrar por status" })
      .getByRole("button", { name: "Escaladas", exact: true })
      .waitFor();
    await screenshot(dashboard, "journey-pt-br-01-dashboard");
  });

  it("opens the widget from the Portuguese launcher and introduces the visitor", async () => {
    await site.goto(page.url);
    await site.getByRole("button", { name: /Chat de suporte/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByText("Olá!").waitFor();
    await widget.getByLabel("Nome").fill("Joana Prado");
    await widget.getByLabel("E-mail").fill("joana@prado.example");
    await screenshot(site, "journey-pt-br-02-auth");
    await widget.getByRole("button", { name: "Continuar" }).click();
    await widget.getByRole("button", { name: "Iniciar conversa" }).click();
    await widget.getByRole("textbox", { name: "Mensagem", exact: true }).waitFor();
  });

  it("gets a Portuguese answer from the Portuguese document, naming its source", async () => {
    await widget
      .getByRole("textbox", { name: "Mensagem", exact: true })
      .fill("Como faço para pedir reembolso?");
    await widget.getByRole("button", { name: "Enviar mensagem" }).click();
    await widget.getByText(/primeiros-passos\.md/).waitFor({ timeout: 30_000 });
    await widget.getByText(/Fonte: primeiros-passos\.md › /).waitFor();
    await widget
      .getByText(/30 dias/)
      .first()
      .waitFor();
    await screenshot(site, "journey-pt-br-03-answer");
  });

  it("asks for a person; the operator sees it escalated, in Portuguese", async () => {
    await widget
      .getByRole("textbox", { name: "Mensagem", exact: true })
      .fill("Quero falar com uma pessoa, por favor.");
    await widget.getByRole("button", { name: "Enviar mensagem" }).click();
    await widget.getByText(/uma pessoa vai responder aqui em breve/).waitFor({ timeout: 30_000 });
    const item = dashboard.getByRole("link", { name: /Joana Prado/ });
    await item.waitFor({ timeout: 30_000 });
    await item.getByText("Escalada").waitFor({ timeout: 30_000 });
    await item.click();
    await dashboard
      .getByRole("region", { name: "Conversa", exact: true })
      .getByRole("heading", { name: "Joana Prado" })
      .waitFor();
    await screenshot(dashboard, "journey-pt-br-04-operator-sees-escalation");
  });

  it("the operator replies and the visitor sees it under the operator's name", async () => {
    await dashboard.getByLabel("Resposta").fill("Oi, Joana! Sou do suporte e vou te ajudar.");
    await dashboard.getByRole("button", { name: "Enviar", exact: true }).click();
    await widget
      .getByText("Oi, Joana! Sou do suporte e vou te ajudar.")
      .waitFor({ timeout: 30_000 });
    await widget
      .locator("span[aria-hidden]", { hasText: `${demo.login.name} (equipe de suporte)` })
      .waitFor();
    await screenshot(site, "journey-pt-br-05-visitor-sees-reply");
  });

  it("the operator resolves and the widget says so in Portuguese", async () => {
    await dashboard.getByRole("button", { name: "Resolver", exact: true }).click();
    await dashboard.getByTestId("conversation-status").getByText("Resolvida").waitFor();
    await widget.getByText("Esta conversa foi encerrada.").waitFor({ timeout: 30_000 });
    await expect(
      widget.getByRole("button", { name: "Iniciar uma nova conversa" }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(site, "journey-pt-br-06-resolved");
    await screenshot(dashboard, "journey-pt-br-07-operator-resolved");
  });
});
