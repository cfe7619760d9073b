import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { screenshot } from "./harness/browser";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { inviteMember, ownerAndMember, type OwnerAndMember } from "./harness/team";

// Unique per run, so a second run on the same stack adds its own field and contacts.
const RUN = Date.now().toString(36);
const FIELD = `Region ${RUN}`;
const KEY = `region_${RUN}`;
const STAGE = `Trial ${RUN}`;
const RITA = `Rita Region ${RUN}`;
const SAM = `Sam Region ${RUN}`;

describe("admins define contact fields and stage names; an operator fills them in", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const memberEmail = `olga-${RUN}@example.com`;
  let team: OwnerAndMember;
  let owner: Page;
  let member: Page;

  beforeAll(async () => {
    team = await ownerAndMember(urls.dashboard, demo.login);
    ({ owner, member } = team);
  });

  afterAll(async () => {
    await team?.dispose();
  });

  const pick = async (page: Page, combobox: string, option: string) => {
    await page.getByRole("combobox", { name: combobox, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };

  it("an admin adds a choice field and renames a stage", async () => {
    await owner.goto(`${urls.dashboard}/en/settings/contact-fields`);
    await owner.getByRole("heading", { name: "Contact fields", level: 1 }).waitFor();
    await owner.getByLabel("Label").fill(FIELD);
    expect(await owner.getByLabel("Key").inputValue()).toBe(KEY);
    await pick(owner, "Type", "Choice list");
    await owner.getByLabel("Choices").fill("North, South");
    await owner.getByRole("button", { name: "Add field" }).click();
    await owner.getByText(`Field ${FIELD} added.`).waitFor();
    const list = owner.getByRole("list", { name: "Contact fields" });
    await list.getByText("Choices: North, South").waitFor();

    await owner.getByLabel("Prospect stage").fill(STAGE);
    await owner.getByRole("button", { name: "Save stage names" }).click();
    await owner.getByText("Stage names saved.").waitFor();
    await screenshot(owner, "contact-fields-01-settings");
  });

  it("an invited member reads the settings but cannot change them", async () => {
    await inviteMember(owner, member, urls.dashboard, {
      name: "Olga Operator",
      email: memberEmail,
      password: "olga's long password",
    });

    await member.goto(`${urls.dashboard}/en/settings/contact-fields`);
    await member.getByText("Only admins can change contact fields and stage names.").waitFor();
    await member.getByRole("list", { name: "Contact fields" }).getByText(FIELD).waitFor();
    expect(await member.getByRole("button", { name: "Add field" }).count()).toBe(0);
    expect(await member.getByLabel("Prospect stage").isDisabled()).toBe(true);
    expect(await member.getByLabel("Prospect stage").inputValue()).toBe(STAGE);
  });

  it("the member sets the field on a contact; a wrong value is refused beside its field", async () => {
    for (const name of [SAM, RITA]) {
      await openFromSidebar(member, "Contacts", "/en/contacts");
      await member.getByRole("button", { name: "New contact" }).click();
      const dialog = member.getByRole("dialog");
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByRole("button", { name: "Create contact" }).click();
      await member.getByRole("heading", { name, level: 1 }).waitFor();
    }
    await member.getByRole("button", { name: "Edit" }).click();
    await pick(member, FIELD, "South");
    await pick(member, "Stage", STAGE);
    // The demo organization's Seats is a number field.
    await member.getByLabel("Seats").fill("lots");
    await member.getByRole("button", { name: "Save changes" }).click();
    const refusal = member.getByRole("alert").filter({ hasText: "Seats takes a number." });
    await refusal.waitFor();
    expect(await member.getByLabel("Seats").getAttribute("aria-describedby")).toBe(
      await refusal.getAttribute("id"),
    );
    await screenshot(member, "contact-fields-02-refused");
    await member.getByLabel("Seats").fill("7");
    await member.getByRole("button", { name: "Save changes" }).click();
    const profile = member.getByRole("region", { name: "Profile" });
    await profile.getByText("South").waitFor();
    await profile.getByText(STAGE).waitFor();
  });

  it("the contacts table filters by the new field", async () => {
    await openFromSidebar(member, "Contacts", "/en/contacts");
    await member.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await pick(member, "Custom field", FIELD);
    await pick(member, "Is", "South");
    // The table follows the filter over the backend's WebSocket: seconds, under load.
    await expect
      .poll(() => member.locator("tbody tr td:first-child a").allTextContents(), {
        timeout: 15_000,
      })
      .toEqual([RITA]);
    await screenshot(member, "contact-fields-03-filtered");
  });

  it("reads the same in pt-BR and on a phone, and the admin puts the demo back", async () => {
    await owner.goto(`${urls.dashboard}/pt-BR/settings/contact-fields`);
    await owner.getByRole("heading", { name: "Campos de contato", level: 1 }).waitFor();
    await screenshot(owner, "contact-fields-04-settings-pt-br");
    await owner.setViewportSize({ width: 390, height: 844 });
    await screenshot(owner, "contact-fields-05-settings-pt-br-phone");
    // The language picker is in the sidebar, which a phone folds into a menu.
    await chooseLanguage(member, "pt-BR");
    await member.setViewportSize({ width: 390, height: 844 });
    await member.getByRole("link", { name: RITA }).click();
    await member.getByRole("button", { name: "Editar" }).click();
    await member.getByLabel("Seats").waitFor();
    await screenshot(member, "contact-fields-06-form-pt-br-phone");
    await owner.setViewportSize({ width: 1280, height: 800 });

    // Other journeys on this stack read the demo's default stage names and its own fields.
    await owner.getByLabel("Estágio Potencial cliente").fill("");
    await owner.getByRole("button", { name: "Salvar nomes dos estágios" }).click();
    await owner.getByText("Nomes dos estágios salvos.").waitFor();
    const entry = owner.getByRole("listitem").filter({ hasText: KEY });
    await entry.getByRole("button", { name: "Remover" }).click();
    const dialog = owner.getByRole("alertdialog", { name: `Remover o campo ${FIELD}?` });
    await dialog
      .getByText("Os valores já salvos nos contatos são mantidos", { exact: false })
      .waitFor();
    await dialog.getByRole("button", { name: "Remover" }).click();
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(0);
  });
});
