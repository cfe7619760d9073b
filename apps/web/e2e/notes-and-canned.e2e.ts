import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { chooseLanguage, openFromSidebar, openSettingsSection } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { inviteMember } from "./harness/team";
import { eventually } from "./harness/visitor";

type Caught = { subject: string; to: string[]; text: string };

// A private note stays with the team (the widget never shows it) and its @mention reaches the
// named member by browser notification and by email; `/` inserts a canned response filled with
// the visitor's name.
describe("private notes with @mentions, and canned responses", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const memberEmail = `nina-${Date.now()}@example.com`;
  const noteText = "checked the order, waiting on the warehouse";
  let ownerBrowser: TestBrowser;
  let memberBrowser: TestBrowser;
  let visitorBrowser: TestBrowser;
  let owner: Page;
  let member: Page;
  let site: Page;
  let widget: FrameLocator;

  beforeAll(async () => {
    [ownerBrowser, memberBrowser, visitorBrowser] = await Promise.all([
      launchBrowser(),
      launchBrowser({ notifications: true }),
      launchBrowser(),
    ]);
    await memberBrowser.grantPermissions(["notifications"], { origin: urls.dashboard });
    // Records what the member's dashboard shows, through the browser's real Notification.
    await memberBrowser.addInitScript(() => {
      const Real = window.Notification;
      const shown: { title: string; body?: string }[] = [];
      class Recording extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body });
        }
      }
      Object.defineProperty(Recording, "permission", { get: () => Real.permission });
      Object.defineProperty(Recording, "requestPermission", {
        value: Real.requestPermission.bind(Real),
      });
      Object.assign(window, { Notification: Recording, __shownNotifications: shown });
    });
    owner = await ownerBrowser.newPage();
    member = await memberBrowser.newPage();
    site = await visitorBrowser.newPage();
    await signInAsDemoOperator(owner, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([
      ownerBrowser?.dispose(),
      memberBrowser?.dispose(),
      visitorBrowser?.dispose(),
    ]);
  });

  it("a teammate joins and asks for mention emails", async () => {
    await inviteMember(owner, member, urls.dashboard, {
      name: "Nina Notes",
      email: memberEmail,
      password: "nina's long password",
    });
    await openFromSidebar(member, "Settings", "/en/settings/profile");
    await openSettingsSection(member, "Notifications", "/en/settings/notifications");
    const mentions = member.getByLabel("Email me when I'm mentioned");
    await mentions.check();
    await eventually(async () => await mentions.isChecked());
    await member.getByRole("link", { name: "Conversations", exact: true }).click();
    await member.waitForURL(`${urls.dashboard}/en/conversations`);
  });

  it("the operator notes for the team, mentioning the teammate, and answers with /refund", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Vera Notes");
    await widget.getByLabel("Email").fill("vera@notes.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("I want to talk to a person about my refund, please.");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });

    await owner.getByRole("link", { name: "Conversations", exact: true }).click();
    const item = owner.getByRole("link", { name: /Vera Notes/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();

    await owner.getByRole("button", { name: "Private note" }).click();
    const noteBox = owner.getByRole("textbox", { name: "Private note" });
    await noteBox.pressSequentially("@Nin");
    await owner.getByRole("option", { name: /Nina Notes/ }).click();
    await noteBox.pressSequentially(noteText);
    await screenshot(owner, "notes-01-mention-picked");
    await owner.getByRole("button", { name: "Add note" }).click();
    const note = owner.locator('article[data-author="note"]');
    await note.getByText(`@Nina Notes ${noteText}`).waitFor();
    expect(await note.textContent()).toContain("only your team sees this");

    await owner.getByRole("button", { name: "Reply", exact: true }).click();
    const replyBox = owner.getByRole("textbox", { name: "Reply" });
    await replyBox.pressSequentially("/refund");
    await owner
      .getByRole("option", { name: /\/refund · Refund on its way/ })
      .first()
      .waitFor();
    await replyBox.press("Enter");
    await expect(replyBox.inputValue()).resolves.toMatch(
      /^Hi Vera Notes, your refund is on its way/,
    );
    await owner.getByRole("button", { name: "Send" }).click();
    await screenshot(owner, "notes-02-note-and-reply");
  });

  it("the visitor's widget shows the reply and never the note", async () => {
    await widget
      .getByText(/^Hi Vera Notes, your refund is on its way/)
      .waitFor({ timeout: 30_000 });
    await expect(widget.getByText(noteText).count()).resolves.toBe(0);
    await screenshot(site, "notes-03-widget-without-note");
  });

  it("the mentioned teammate gets a browser notification and an email", async () => {
    const shown = await eventually(async () => {
      const list = await member.evaluate(
        () =>
          (window as unknown as { __shownNotifications: { title: string; body?: string }[] })
            .__shownNotifications,
      );
      return list.find((n) => /mentioned you about Vera Notes$/.test(n.title));
    }, 30_000);
    expect(shown.body).toBe(`@Nina Notes ${noteText}`);

    const mail = await eventually(async () => {
      const caught = (await (await fetch(`${urls.mail}/messages.json`)).json()) as Caught[];
      return caught.find((m) => m.to.includes(memberEmail));
    }, 30_000);
    expect(mail.subject).toMatch(/mentioned you in a note about Vera Notes$/);
    expect(mail.text).toContain(`> @Nina Notes ${noteText}`);
    expect(mail.text).toContain(`${urls.dashboard}/en/conversations/`);
  });

  it("the author edits the note: it shows as edited, and the teammate named before hears nothing new", async () => {
    const note = owner.locator('article[data-author="note"]');
    await note.getByRole("button", { name: /^Edit the note by / }).click();
    const box = note.getByRole("textbox", { name: "Edit note" });
    await expect(box.inputValue()).resolves.toBe(`@Nina Notes ${noteText}`);
    await box.fill(`@Nina Notes ${noteText}; it shipped today`);
    await screenshot(owner, "notes-07-editing");
    await note.getByRole("button", { name: "Save" }).click();
    await note.getByText(`@Nina Notes ${noteText}; it shipped today`).waitFor();
    await note.getByText(/· edited$/).waitFor();

    // The teammate reads the edited note, with no way to change the owner's note.
    // In the app, not by loading a page: the notifications the page recorded stay counted.
    await member.getByRole("link", { name: /Vera Notes/ }).click();
    const seenByMember = member.locator('article[data-author="note"]');
    await seenByMember.getByText(`${noteText}; it shipped today`).waitFor({ timeout: 20_000 });
    await expect(seenByMember.getByRole("button").count()).resolves.toBe(0);
    const mentionNotifications = await member.evaluate(
      () =>
        (window as unknown as { __shownNotifications: { title: string }[] }).__shownNotifications,
    );
    expect(mentionNotifications.filter((n) => / mentioned you /.test(n.title))).toHaveLength(1);
    const caught = (await (await fetch(`${urls.mail}/messages.json`)).json()) as Caught[];
    expect(caught.filter((m) => m.to.includes(memberEmail))).toHaveLength(1);
  });

  it("admins keep the library in Settings; the screens read in pt-BR and on a phone", async () => {
    await openFromSidebar(owner, "Settings", "/en/settings/profile");
    await openSettingsSection(owner, "Canned responses", "/en/settings/canned-responses");
    await owner.getByRole("heading", { name: "Canned responses" }).waitFor();
    await owner.getByText("/refund").first().waitFor();
    await screenshot(owner, "notes-04-canned-settings");

    // The sidebar's language picker, then a phone's width: its menu leads back to the inbox.
    await chooseLanguage(owner, "pt-BR");
    await owner.setViewportSize({ width: 390, height: 844 });
    await owner.getByRole("heading", { name: "Respostas prontas" }).waitFor();
    await screenshot(owner, "notes-05-canned-settings-phone-pt-br");
    await owner.getByRole("button", { name: "Abrir o menu" }).click();
    await owner
      .getByRole("dialog", { name: "Echo" })
      .getByRole("link", { name: "Conversas" })
      .click();
    await owner.waitForURL(`${urls.dashboard}/pt-BR/conversations`);
    await owner.getByRole("link", { name: /Vera Notes/ }).click();
    await owner.waitForURL(/\/pt-BR\/conversations\/.+/);
    await owner
      .getByText(/^Nota de /)
      .first()
      .waitFor();
    await owner.getByRole("button", { name: "Nota privada" }).click();
    await owner.getByRole("textbox", { name: "Nota privada" }).pressSequentially("@");
    await owner.getByRole("listbox", { name: "Membros para mencionar" }).waitFor();
    await screenshot(owner, "notes-06-note-phone-pt-br");
  });

  it("the author deletes the note, on a phone in pt-BR; it leaves the teammate's view too", async () => {
    const note = owner.locator('article[data-author="note"]');
    await note.getByText(/· editada$/).waitFor();
    await note.getByRole("button", { name: /^Excluir a nota de / }).click();
    await eventually(async () => (await note.count()) === 0);
    await eventually(
      async () => (await member.locator('article[data-author="note"]').count()) === 0,
    );
    await screenshot(owner, "notes-08-deleted-phone-pt-br");
  });
});
