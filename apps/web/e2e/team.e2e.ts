import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { screenshot } from "./harness/browser";
import {
  acceptInvitation,
  createInvitation,
  ownerAndMember,
  type OwnerAndMember,
} from "./harness/team";

describe("team: an invited member works conversations but cannot administer", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const memberEmail = `mia-${Date.now()}@example.com`;
  let team: OwnerAndMember;
  let owner: Page;
  let member: Page;
  let invitationLink: string;

  beforeAll(async () => {
    team = await ownerAndMember(urls.dashboard, demo.login);
    ({ owner, member } = team);
  });

  afterAll(async () => {
    await team?.dispose();
  });

  it("the owner invites a member and gets a link to send", async () => {
    invitationLink = await createInvitation(owner, memberEmail);
    expect(invitationLink).toMatch(new RegExp(`^${urls.dashboard}/accept-invitation/`));
    // The copy button beside the link puts it on the clipboard.
    await team.ownerBrowser.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: urls.dashboard,
    });
    const copy = owner.getByRole("button", { name: `Copy link for ${memberEmail}` });
    await copy.click();
    await copy.getByText("Link copied").waitFor();
    await expect(owner.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      invitationLink,
    );
    await screenshot(owner, "team-01-invited");
  });

  it("the invitee signs up from the link, accepts and lands in the inbox", async () => {
    await acceptInvitation(member, invitationLink, urls.dashboard, {
      name: "Mia Member",
      email: memberEmail,
      password: "mia's long password",
    });
    await member.getByTestId("organization-name").getByText("Nimbus (demo)").waitFor();
  });

  it("the backend refuses the member's admin actions", async () => {
    await member.getByRole("link", { name: "Knowledge base", exact: true }).click();
    await member.getByLabel("Choose files to upload").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Members should not be able to add this."),
    });
    await member.getByText("notes.txt was not uploaded: You are not allowed to do this.").waitFor();
    await member.getByRole("link", { name: "Team", exact: true }).click();
    await member.getByText("Only owners and admins can invite or change members.").waitFor();
    await expect(member.getByRole("button", { name: "Create invitation" }).count()).resolves.toBe(
      0,
    );
    await screenshot(member, "team-02-member-view");
  });

  it("the owner sees the new member and can change their role", async () => {
    await owner.reload();
    const row = owner.getByTestId("team-member").filter({ hasText: memberEmail });
    await row.waitFor();
    await row.getByLabel("Role of Mia Member").selectOption("admin");
    await expect.poll(() => row.getByLabel("Role of Mia Member").inputValue()).toBe("admin");
    await owner.reload();
    await owner.getByTestId("team-member").filter({ hasText: memberEmail }).waitFor();
    await expect
      .poll(() =>
        owner
          .getByTestId("team-member")
          .filter({ hasText: memberEmail })
          .getByLabel("Role of Mia Member")
          .inputValue(),
      )
      .toBe("admin");
  });
});
