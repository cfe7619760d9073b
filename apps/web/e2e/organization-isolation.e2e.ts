import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator, submitSignUp } from "./harness/sign-in";
import { serveThirdPartyPage } from "./harness/third-party-page";
import { createVisitor, eventually, type Visitor } from "./harness/visitor";

const ORBIT_FILE = "orbit-handbook.md";
const ORBIT_TEXT = `# Orbit Labs launch windows

Orbit Labs opens satellite launch windows every Tuesday at 14:00 UTC.
A launch slot costs 9 credits and can be moved up to 48 hours before the window.
`;

// Two customers of Echo side by side: the demo organization (Nimbus) and Orbit Labs, whose
// operator signs up in the browser. Neither sees the other's conversations or knowledge.
describe("two organizations stay isolated in the browser", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const orbitEmail = `olga-${Date.now()}@orbit.example`;
  let nimbusBrowser: TestBrowser;
  let orbitBrowser: TestBrowser;
  let visitorBrowser: TestBrowser;
  let nimbus: Page;
  let orbit: Page;
  let site: Page;
  let widget: FrameLocator;
  let orbitOrganizationId: string;
  let orbitPage: Awaited<ReturnType<typeof serveThirdPartyPage>>;
  let nimbusVisitor: Visitor;

  beforeAll(async () => {
    [nimbusBrowser, orbitBrowser, visitorBrowser] = await Promise.all([
      launchBrowser(),
      launchBrowser(),
      launchBrowser(),
    ]);
    nimbus = await nimbusBrowser.newPage();
    orbit = await orbitBrowser.newPage();
    site = await visitorBrowser.newPage();
    await signInAsDemoOperator(nimbus, urls.dashboard, demo.login);
    nimbusVisitor = await createVisitor(urls, demo.organizationId, "Alice Anchor");
    await nimbusVisitor.send("Alice here: my notebook export is stuck.");
    await eventually(async () => (await nimbusVisitor.messages()).length >= 2, 30_000);
  });

  afterAll(async () => {
    await Promise.all([
      nimbusBrowser?.dispose(),
      orbitBrowser?.dispose(),
      visitorBrowser?.dispose(),
      orbitPage?.close(),
    ]);
  });

  it("a second operator signs up and creates their own organization", async () => {
    await orbit.goto(`${urls.dashboard}/en/sign-up`);
    await orbit.getByLabel("Your name").fill("Olga Orbit");
    await orbit.getByLabel("Email").fill(orbitEmail);
    await orbit.getByLabel("Password").fill("olga's long password");
    await submitSignUp(orbit);
    await orbit.waitForURL(`${urls.dashboard}/en/organizations`);
    await orbit.getByText("You are not a member of any organization yet.").waitFor();
    await orbit.getByLabel("New organization name").fill("Orbit Labs");
    await orbit.getByRole("button", { name: "Create organization" }).click();
    await orbit.waitForURL(`${urls.dashboard}/en/conversations`);
    await orbit.getByTestId("organization-name").getByText("Orbit Labs").waitFor();
    const response = await orbit.request.get(`${urls.dashboard}/api/auth/organization/list`, {
      headers: { origin: urls.dashboard },
    });
    const organizations = (await response.json()) as { id: string; name: string }[];
    expect(organizations.map((organization) => organization.name)).toEqual(["Orbit Labs"]);
    orbitOrganizationId = organizations[0]!.id;
    expect(orbitOrganizationId).not.toBe(demo.organizationId);
    await screenshot(orbit, "isolation-01-orbit-signed-up");
  });

  it("the new organization's knowledge base is its own", async () => {
    await orbit.getByRole("link", { name: "Knowledge base", exact: true }).click();
    await orbit.getByRole("heading", { name: "Knowledge base" }).waitFor();
    await orbit.getByLabel("Choose files to upload").setInputFiles({
      name: ORBIT_FILE,
      mimeType: "text/markdown",
      buffer: Buffer.from(ORBIT_TEXT),
    });
    const row = orbit.getByTestId("knowledge-file").filter({ hasText: ORBIT_FILE });
    await row.getByTestId("knowledge-file-status").getByText("Ready").waitFor({ timeout: 30_000 });
    // The demo organization's seeded files are not listed here.
    await expect(orbit.getByTestId("knowledge-file").count()).resolves.toBe(1);
    await screenshot(orbit, "isolation-02-orbit-knowledge");

    await nimbus.getByRole("link", { name: "Knowledge base", exact: true }).click();
    await nimbus
      .getByTestId("knowledge-file")
      .filter({ hasText: "account-security.md" })
      .waitFor({ timeout: 30_000 });
    await expect(
      nimbus.getByTestId("knowledge-file").filter({ hasText: ORBIT_FILE }).count(),
    ).resolves.toBe(0);
    await screenshot(nimbus, "isolation-03-nimbus-knowledge");
  });

  it("Orbit's widget greets with Orbit's settings and answers only from Orbit's files", async () => {
    orbitPage = await serveThirdPartyPage({
      title: "Orbit Labs",
      embedScriptUrl: `${urls.demo}/dist/widget.js`,
      widgetUrl: urls.widget,
      organizationId: orbitOrganizationId,
      locale: "en",
    });
    await site.goto(orbitPage.url);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Bruno Beacon");
    await widget.getByLabel("Email").fill("bruno@beacon.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByText("Hi! How can we help you today?").waitFor();
    await expect(widget.getByText(/Nimbus/).count()).resolves.toBe(0);

    const composer = widget.getByRole("textbox", { name: "Message", exact: true });
    await composer.fill("How do I reset my password?");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget
      .getByText(/couldn't find anything about that in our help articles/)
      .waitFor({ timeout: 30_000 });
    await expect(widget.getByText(/account-security\.md/).count()).resolves.toBe(0);

    await composer.fill("When are the satellite launch windows?");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/orbit-handbook\.md/).waitFor({ timeout: 30_000 });
    await widget
      .getByText(/every Tuesday at 14:00 UTC/)
      .first()
      .waitFor();
    await screenshot(site, "isolation-04-orbit-widget");
  });

  it("the demo organization's assistant does not answer from Orbit's files", async () => {
    await nimbusVisitor.send("When are the satellite launch windows?");
    const reply = await eventually(async () => {
      const messages = await nimbusVisitor.messages();
      const last = messages.at(-1);
      return last?.author === "agent" && messages.length >= 4 && last;
    }, 30_000);
    expect(reply.text).not.toContain(ORBIT_FILE);
    expect(reply.text).not.toContain("Tuesday");
  });

  it("each inbox lists only its own organization's conversations", async () => {
    await orbit.getByRole("link", { name: "Conversations", exact: true }).click();
    await orbit.getByRole("link", { name: /Bruno Beacon/ }).waitFor({ timeout: 30_000 });
    await expect(orbit.getByRole("link", { name: /Alice Anchor/ }).count()).resolves.toBe(0);
    await orbit.getByRole("searchbox", { name: "Search conversations" }).fill("Alice");
    await orbit.getByText("No conversation matches these filters.").waitFor({ timeout: 30_000 });
    await screenshot(orbit, "isolation-05-orbit-inbox");

    await nimbus.getByRole("link", { name: "Conversations", exact: true }).click();
    await nimbus.getByRole("link", { name: /Alice Anchor/ }).waitFor({ timeout: 30_000 });
    await expect(nimbus.getByRole("link", { name: /Bruno Beacon/ }).count()).resolves.toBe(0);
    await screenshot(nimbus, "isolation-06-nimbus-inbox");
  });

  it("a link to the other organization's conversation shows an error, not the conversation", async () => {
    await orbit.goto(`${urls.dashboard}/en/conversations/${nimbusVisitor.conversationId}`);
    await orbit
      .getByRole("alert")
      .getByText(/This item no longer exists\.|You are not allowed to do this\./)
      .waitFor({ timeout: 30_000 });
    await expect(orbit.getByText("Alice here: my notebook export is stuck.").count()).resolves.toBe(
      0,
    );
    await expect(orbit.getByRole("heading", { name: "Alice Anchor" }).count()).resolves.toBe(0);
    await screenshot(orbit, "isolation-07-foreign-conversation-refused");
  });
});
